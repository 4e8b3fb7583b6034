package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class DiagramEditorTest {

    @Test
    void anEndPointIdIsABoxAndAnOutput() {
        assertArrayEquals(new String[] {"a", "b"}, DiagramEditor.endPoint("a:b"));
        assertArrayEquals(new String[] {"split1", "subset2"}, DiagramEditor.endPoint("split1:subset2"));
        assertArrayEquals(new String[] {"query1", "in"}, DiagramEditor.endPoint("query1:in"));
    }

    @Test
    void theOutputIsAfterTheLastColon() {
        assertArrayEquals(new String[] {"a:b", "c"}, DiagramEditor.endPoint("a:b:c"));
    }

    @Test
    void aMalformedEndPointIdIsNull() {
        assertNull(DiagramEditor.endPoint(null));
        assertNull(DiagramEditor.endPoint("nocolon"));
        assertNull(DiagramEditor.endPoint(":x"));
        assertNull(DiagramEditor.endPoint("x:"));
        assertNull(DiagramEditor.endPoint(""));
        assertNull(DiagramEditor.endPoint(":"));
    }

    @Test
    void pixelsAreReadFromCss() {
        assertEquals(120, DiagramEditor.pixels("120px"));
        assertEquals(0, DiagramEditor.pixels("0px"));
        assertEquals(120, DiagramEditor.pixels("120"));
        assertEquals(45, DiagramEditor.pixels(" 45px "));
    }

    @Test
    void fractionalPixelsAreRounded() {
        assertEquals(13, DiagramEditor.pixels("12.6px"));
        assertEquals(12, DiagramEditor.pixels("12.4px"));
    }

    @Test
    void garbageIsZeroPixels() {
        assertEquals(0, DiagramEditor.pixels("garbage"));
        assertEquals(0, DiagramEditor.pixels(""));
        assertEquals(0, DiagramEditor.pixels("px"));
        assertEquals(0, DiagramEditor.pixels(null));
    }
}
