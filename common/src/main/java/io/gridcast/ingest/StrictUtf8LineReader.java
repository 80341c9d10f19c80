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
 * lines ahead of the line being parsed. This reader decodes one line at a time and counts lines,
 * so its errors name the file and the line. Lines end with LF or CR LF.
 */
final class StrictUtf8LineReader extends BufferedReader {

    private final InputStream bytes;
    private final String sourceName;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long linesRead;

    /** Reads {@code bytes}; errors name {@code sourceName}, the file or ZIP member. */
    StrictUtf8LineReader(InputStream bytes, String sourceName) {
        super(Reader.nullReader());
        this.bytes = new BufferedInputStream(bytes, 1 << 16);
        this.sourceName = sourceName;
    }

    /**
     * Returns the next line without its terminator, or null at the end of the input.
     *
     * @throws InvalidInputException if the line is not valid UTF-8 or the bytes cannot be read
     */
    @Override
    public String readLine() {
        long lineNumber = linesRead + 1;
        try {
            String text = nextLine();
            if (text != null) {
                linesRead = lineNumber;
            }
            return text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("Invalid UTF-8 in " + sourceName + " at line "
                    + lineNumber + " (re-save the file as UTF-8)", e);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + sourceName + " at line "
                    + lineNumber + ": " + e, e);
        }
    }

    private String nextLine() throws IOException {
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
