package io.gridcast.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.gridcast.time.InvalidTimeLabelException;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CSV report file with a {@link ReportLayout}: binds the header once, then turns
 * every data line into a {@link ParsedRow} or a {@link RejectedRow} with its line number and
 * reason. Blank lines are rejected rather than skipped, and a file with a header and no data
 * is recorded as one rejected line, so that no file passes unnoticed.
 */
final class ReportCsvParser {

    private static final int MAX_COLUMNS = 1024;

    private final ReportLayout layout;
    private final CsvParser csv;

    ReportCsvParser(ReportLayout layout) {
        this.layout = layout;
        CsvParserSettings csvSettings = new CsvParserSettings();
        csvSettings.setNullValue("");
        csvSettings.setEmptyValue("");
        csvSettings.trimValues(true);
        // Report cells never start comments, and a long cell or a wide row is a row problem
        // to report, not a parser limit to hit.
        csvSettings.getFormat().setComment('\0');
        csvSettings.setMaxCharsPerColumn(-1);
        csvSettings.setMaxColumns(MAX_COLUMNS);
        this.csv = new CsvParser(csvSettings);
    }

    /**
     * Parses every line of {@code source}.
     *
     * @throws InvalidInputException if the file is empty, its header does not fit the layout,
     *     or the reader cannot read it (as {@link StrictUtf8LineReader} with bytes that are not
     *     UTF-8)
     */
    ParsedFile<ParsedRow> parse(String sourceFile, BufferedReader source) {
        // A file name may carry a personal identifier, such as a meter id: redacted alike.
        String storedSource = layout.redactPath(sourceFile);
        try {
            return parseLines(storedSource, source);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + storedSource + ": " + e, e);
        }
    }

    private ParsedFile<ParsedRow> parseLines(String sourceFile, BufferedReader source)
            throws IOException {
        String headerLine = source.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new InvalidInputException("No header in " + sourceFile + " ("
                    + layout.description() + " expected)");
        }
        if (headerLine.indexOf('\r') >= 0) {
            throw new InvalidInputException("Invalid line breaks in " + sourceFile + ": lines "
                    + "end with CR only; re-save the file with LF or CR LF line ends");
        }
        String[] names = cells(headerLine.replace("\uFEFF", ""));
        if (names == null) {
            throw new InvalidInputException("Invalid header in " + sourceFile + ": "
                    + abbreviate(headerLine));
        }
        ReportLayout fileLayout = layout.forHeader(sourceFile, names);
        ReportCells.Header header = ReportCells.Header.bind(sourceFile, names, fileLayout);

        List<ParsedRow> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long lineNumber = 1;
        for (String line = source.readLine(); line != null; line = source.readLine()) {
            lineNumber++;
            if (line.indexOf('\r') >= 0) {
                throw new InvalidInputException("Invalid line breaks in " + sourceFile + " at "
                        + "line " + lineNumber + ": a line ends with CR only; re-save the file "
                        + "with LF or CR LF line ends");
            }
            String stored = fileLayout.redact(line);
            try {
                accepted.add(new ParsedRow(parseLine(fileLayout, line, header), sourceFile,
                        lineNumber, stored));
            } catch (RowRejection | InvalidTimeLabelException e) {
                rejected.add(new RejectedRow(sourceFile, lineNumber, stored,
                        fileLayout.redact(e.getMessage())));
            }
        }
        if (lineNumber == 1) {
            rejected.add(new RejectedRow(sourceFile, 1, headerLine,
                    "Header only: the file has no data rows"));
        }
        return fileLayout.completeFile(new ParsedFile<>(sourceFile, accepted, rejected));
    }

    private Object[] parseLine(ReportLayout fileLayout, String line,
            ReportCells.Header header) {
        if (line.isBlank()) {
            throw new RowRejection("Blank line");
        }
        String[] cells = cells(line);
        if (cells == null) {
            throw new RowRejection("Invalid row: not one CSV record (over " + MAX_COLUMNS
                    + " columns or an unclosed quote)");
        }
        if (cells.length != header.width()) {
            throw new RowRejection("Invalid row: expected " + header.width()
                    + " columns, found " + cells.length);
        }
        return fileLayout.parse(new ReportCells(header, cells));
    }

    /** Splits one line into cells, or returns null if it is not one CSV record. */
    private String[] cells(String line) {
        try {
            return csv.parseLine(line);
        } catch (com.univocity.parsers.common.TextParsingException e) {
            return null;
        }
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
