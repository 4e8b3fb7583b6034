package io.crosscast.audience.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes an import file for the CSV parser. Bytes that are not valid in the charset never stop the
 * reading: they become {@link #REPLACEMENT} characters, and the line holding them is rejected. A byte order
 * mark at the start is dropped.
 */
final class DecodedInput {

    /** What undecodable bytes become (U+FFFD). */
    static final char REPLACEMENT = '\uFFFD';

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private DecodedInput() {}

    static Reader open(InputStream in, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(REPLACEMENT));
        PushbackReader reader = new PushbackReader(new InputStreamReader(in, decoder));
        int first = reader.read();
        if (first >= 0 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    /** Whether some cell holds a character that replaced undecodable bytes. */
    static boolean hasUndecodableBytes(String[] cells) {
        for (String cell : cells) {
            if (cell.indexOf(REPLACEMENT) >= 0) {
                return true;
            }
        }
        return false;
    }
}
