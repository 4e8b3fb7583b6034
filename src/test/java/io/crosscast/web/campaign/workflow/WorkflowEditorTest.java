package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WorkflowEditorTest {

    @Test
    void anEndPointIdIsABoxAndAnOutput() {
        assertArrayEquals(new String[] {"a", "b"}, WorkflowEditor.endPoint("a:b"));
        assertArrayEquals(new String[] {"split1", "subset2"}, WorkflowEditor.endPoint("split1:subset2"));
        assertArrayEquals(new String[] {"query1", "in"}, WorkflowEditor.endPoint("query1:in"));
    }

    @Test
    void theOutputIsAfterTheLastColon() {
        assertArrayEquals(new String[] {"a:b", "c"}, WorkflowEditor.endPoint("a:b:c"));
    }

    @Test
    void aMalformedEndPointIdIsNull() {
        assertNull(WorkflowEditor.endPoint(null));
        assertNull(WorkflowEditor.endPoint("nocolon"));
        assertNull(WorkflowEditor.endPoint(":x"));
        assertNull(WorkflowEditor.endPoint("x:"));
        assertNull(WorkflowEditor.endPoint(""));
        assertNull(WorkflowEditor.endPoint(":"));
    }

    @Test
    void pixelsAreReadFromCss() {
        assertEquals(120, WorkflowEditor.pixels("120px"));
        assertEquals(0, WorkflowEditor.pixels("0px"));
        assertEquals(120, WorkflowEditor.pixels("120"));
        assertEquals(45, WorkflowEditor.pixels(" 45px "));
    }

    @Test
    void fractionalPixelsAreRounded() {
        assertEquals(13, WorkflowEditor.pixels("12.6px"));
        assertEquals(12, WorkflowEditor.pixels("12.4px"));
    }

    @Test
    void garbageIsZeroPixels() {
        assertEquals(0, WorkflowEditor.pixels("garbage"));
        assertEquals(0, WorkflowEditor.pixels(""));
        assertEquals(0, WorkflowEditor.pixels("px"));
        assertEquals(0, WorkflowEditor.pixels(null));
    }
}
