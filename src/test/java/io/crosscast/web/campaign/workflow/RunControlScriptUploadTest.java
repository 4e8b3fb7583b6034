package io.crosscast.web.campaign.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.primefaces.model.file.UploadedFile;

/** A simulation script file is read when it is at most 5 MB, refused unread beyond (issue #15). */
class RunControlScriptUploadTest {

    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aScriptUpToTheLimitIsRead() {
        String text = "email,delivery,action,link\nann@example.com,Spring,open,\n";
        assertEquals(text, RunControl.scriptOf(file(text.getBytes(StandardCharsets.UTF_8), text.length())));
        assertEquals(1, reads.get());
        byte[] limit = new byte[(int) RunControl.MAX_SCRIPT_BYTES];
        assertEquals(
                limit.length, RunControl.scriptOf(file(limit, limit.length)).length());
    }

    @Test
    void aLargerFileIsRefusedUnread() {
        assertNull(RunControl.scriptOf(file(new byte[0], RunControl.MAX_SCRIPT_BYTES + 1)));
        assertNull(RunControl.scriptOf(file(new byte[0], 512L * 1024 * 1024)));
        assertEquals(0, reads.get(), "its content was never asked for");
    }

    /** An uploaded file of that size whose content counts the reads. */
    private UploadedFile file(byte[] content, long size) {
        return (UploadedFile) Proxy.newProxyInstance(
                UploadedFile.class.getClassLoader(), new Class<?>[] {UploadedFile.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getSize":
                            return size;
                        case "getContent":
                            reads.incrementAndGet();
                            return content;
                        case "getFileName":
                            return "script.csv";
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
