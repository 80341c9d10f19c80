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

    private final ReportLayout layout;
    private final CsvParser csv;

    ReportCsvParser(ReportLayout layout) {
        this.layout = layout;
        CsvParserSettings csvSettings = new CsvParserSettings();
        csvSettings.setNullValue("");
        csvSettings.setEmptyValue("");
        csvSettings.trimValues(true);
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
        try {
            return parseLines(sourceFile, source);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + sourceFile + ": " + e, e);
        }
    }

    private ParsedFile<ParsedRow> parseLines(String sourceFile, BufferedReader source)
            throws IOException {
        String headerLine = source.readLine();
        if (headerLine == null || headerLine.isBlank()) {
            throw new InvalidInputException("No header in " + sourceFile + " ("
                    + layout.description() + " expected)");
        }
        ReportCells.Header header = ReportCells.Header.bind(sourceFile,
                csv.parseLine(headerLine.replace("\uFEFF", "")), layout);

        List<ParsedRow> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long lineNumber = 1;
        for (String line = source.readLine(); line != null; line = source.readLine()) {
            lineNumber++;
            try {
                accepted.add(new ParsedRow(parseLine(line, header), sourceFile, lineNumber, line));
            } catch (RowRejection | InvalidTimeLabelException e) {
                rejected.add(new RejectedRow(sourceFile, lineNumber, line, e.getMessage()));
            }
        }
        if (lineNumber == 1) {
            rejected.add(new RejectedRow(sourceFile, 1, headerLine,
                    "Header only: the file has no data rows"));
        }
        return new ParsedFile<>(sourceFile, accepted, rejected);
    }

    private Object[] parseLine(String line, ReportCells.Header header) {
        if (line.isBlank()) {
            throw new RowRejection("Blank line");
        }
        String[] cells = csv.parseLine(line);
        if (cells == null || cells.length != header.width()) {
            throw new RowRejection("Invalid row: expected " + header.width()
                    + " columns, found " + (cells == null ? 0 : cells.length));
        }
        return layout.parse(new ReportCells(header, cells));
    }
}
