package io.gridcast.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of UTF-8 text and fails on the first line whose bytes are not valid UTF-8.
 *
 * <p>A {@code BufferedReader} over a strict decoder fails while filling its buffer, thousands of
 * lines ahead of the line being parsed; this reader decodes one line at a time, so the parser's
 * line count names the bad line. Lines end with LF or CR LF.
 */
final class StrictUtf8LineReader extends BufferedReader {

    private final InputStream bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    StrictUtf8LineReader(InputStream bytes) {
        super(Reader.nullReader());
        this.bytes = new BufferedInputStream(bytes, 1 << 16);
    }

    /**
     * Returns the next line without its terminator, or null at the end of the input.
     *
     * @throws CharacterCodingException if the line is not valid UTF-8
     */
    @Override
    public String readLine() throws IOException {
        line.reset();
        int next = bytes.read();
        if (next < 0) {
            return null;
        }
        while (next >= 0 && next != '\n') {
            line.write(next);
            next = bytes.read();
        }
        byte[] content = line.toByteArray();
        int length = content.length > 0 && content[content.length - 1] == '\r'
                ? content.length - 1 : content.length;
        return decoder.decode(ByteBuffer.wrap(content, 0, length)).toString();
    }

    @Override
    public void close() throws IOException {
        bytes.close();
    }
}
