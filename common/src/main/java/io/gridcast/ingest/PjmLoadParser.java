package io.gridcast.ingest;

import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.gridcast.time.HourEndingClock;
import io.gridcast.time.InvalidTimeLabelException;
import io.gridcast.time.MarketHour;
import io.gridcast.time.MarketZones;
import java.io.BufferedReader;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses one PJM hourly load file into canonical rows and rejects. An instance reads one file
 * at a time and is not thread-safe.
 *
 * <p>Data Miner files are keyed by their UTC column; the EPT column must name the same hour or
 * the row is rejected. Two-column files carry hour-ending EPT labels without a DST marker. On
 * the fall-back day, the first row labelled 02:00 in file order is the hour in daylight time
 * (05:00 UTC), and the second is the repeated hour in standard time (06:00 UTC). A file
 * with a single 02:00 row that day gets the daylight hour, and the standard hour is missing.
 */
public final class PjmLoadParser {

    static final String ISO = "PJM";

    /**
     * Largest load accepted, in MW. PJM's all-time peak is about 165,000 MW, so a larger value is
     * a unit or typing error, not load.
     */
    static final double MAX_LOAD_MW = 1_000_000;

    private static final DateTimeFormatter DATA_MINER_TIME =
            DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);
    private static final List<DateTimeFormatter> TWO_COLUMN_TIMES = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm"));

    /** Plain decimals: optional sign, digits, optional decimals; no exponent, NaN or suffix. */
    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final HourEndingClock clock = new HourEndingClock(MarketZones.PJM);
    private final CsvParser csv;

    public PjmLoadParser() {
        CsvParserSettings csvSettings = new CsvParserSettings();
        csvSettings.setNullValue("");
        csvSettings.setEmptyValue("");
        csvSettings.trimValues(true);
        this.csv = new CsvParser(csvSettings);
    }

    /**
     * Parses every line of {@code source}.
     *
     * @throws InvalidInputException if the file is empty, its header is not a known layout, or
     *     the reader finds it unreadable (as {@link StrictUtf8LineReader} does with non-UTF-8)
     */
    public ParsedFile<LoadRecord> parse(String sourceFile, BufferedReader source) {
        try {
            return parseLayout(sourceFile, source);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + sourceFile + ": " + e, e);
        }
    }

    private ParsedFile<LoadRecord> parseLayout(String sourceFile, BufferedReader source)
            throws IOException {
        String headerLine = stripByteOrderMark(source.readLine());
        if (headerLine == null) {
            throw new InvalidInputException("Empty PJM load file: " + sourceFile);
        }
        List<String> header = Arrays.asList(csv.parseLine(headerLine));
        PjmLoadFormat format = PjmLoadFormat.detect(header);
        if (format == null) {
            throw new InvalidInputException("Unrecognised PJM load file header in "
                    + sourceFile + ": " + headerLine + " (expected a Data Miner "
                    + "hrl_load_metered export or Datetime,<ZONE>_MW)");
        }
        return switch (format) {
            case DATA_MINER -> parseDataMiner(sourceFile, header, source);
            case HOURLY_TWO_COLUMN -> parseTwoColumn(sourceFile, header, source);
        };
    }

    private ParsedFile<LoadRecord> parseDataMiner(String sourceFile, List<String> header,
            BufferedReader source) throws IOException {
        Map<String, Integer> columns = columnIndex(header);
        int utcColumn = require(columns, "datetime_beginning_utc", sourceFile);
        int eptColumn = require(columns, "datetime_beginning_ept", sourceFile);
        int areaColumn = require(columns, "load_area", sourceFile);
        int mwColumn = require(columns, "mw", sourceFile);
        Integer verifiedColumn = columns.get("is_verified");

        List<LoadRecord> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long lineNumber = 1;
        for (String line = source.readLine(); line != null; line = source.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                String[] cells = cells(line, header.size());
                Instant start = parseDataMinerUtc(cells[utcColumn]);
                checkEptLabel(start, cells[eptColumn]);
                String area = requireCell(cells[areaColumn], "load_area");
                double loadMw = parseMw(cells[mwColumn]);
                Boolean verified = verifiedColumn == null ? null
                        : parseBoolean(cells[verifiedColumn]);
                accepted.add(new LoadRecord(ISO, area, start, MarketHour.of(start, clock.zone()),
                        loadMw, verified, sourceFile, lineNumber, line));
            } catch (RowException | DateTimeParseException e) {
                rejected.add(new RejectedRow(sourceFile, lineNumber, line, e.getMessage()));
            }
        }
        return new ParsedFile<>(sourceFile, accepted, rejected);
    }

    private ParsedFile<LoadRecord> parseTwoColumn(String sourceFile, List<String> header,
            BufferedReader source) throws IOException {
        String zone = PjmLoadFormat.twoColumnZone(header.get(1));
        Map<LocalDateTime, Integer> repeatedLabelCount = new HashMap<>();

        List<LoadRecord> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long lineNumber = 1;
        for (String line = source.readLine(); line != null; line = source.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                String[] cells = cells(line, 2);
                LocalDateTime label = parseTwoColumnLabel(cells[0]);
                double loadMw = parseMw(cells[1]);
                int occurrence = 0;
                if (clock.isRepeated(label)) {
                    occurrence = repeatedLabelCount.merge(label, 1, Integer::sum) - 1;
                    if (occurrence > 1) {
                        throw new RowException("Extra row for fall-back label " + cells[0]
                                + ": the label names two hours, and rows for both came earlier"
                                + " in the file");
                    }
                }
                Instant start = clock.intervalStart(label, occurrence);
                accepted.add(new LoadRecord(ISO, zone, start, MarketHour.of(start, clock.zone()),
                        loadMw, null, sourceFile, lineNumber, line));
            } catch (RowException | InvalidTimeLabelException e) {
                rejected.add(new RejectedRow(sourceFile, lineNumber, line, e.getMessage()));
            }
        }
        return new ParsedFile<>(sourceFile, accepted, rejected);
    }

    private String[] cells(String line, int expected) {
        String[] cells = csv.parseLine(line);
        if (cells == null || cells.length != expected) {
            throw new RowException("Invalid row: expected " + expected + " columns, found "
                    + (cells == null ? 0 : cells.length));
        }
        return cells;
    }

    private static Instant parseDataMinerUtc(String cell) {
        LocalDateTime start;
        try {
            start = LocalDateTime.parse(requireCell(cell, "datetime_beginning_utc"),
                    DATA_MINER_TIME);
        } catch (DateTimeParseException e) {
            throw new RowException("Invalid datetime_beginning_utc: " + cell);
        }
        requireWholeHour(start, "datetime_beginning_utc", cell);
        return start.toInstant(ZoneOffset.UTC);
    }

    private static void requireWholeHour(LocalDateTime time, String column, String cell) {
        if (time.getMinute() != 0 || time.getSecond() != 0 || time.getNano() != 0) {
            throw new RowException("Invalid " + column + ": " + cell
                    + " is not on the hour (hourly load starts and ends at :00)");
        }
    }

    private void checkEptLabel(Instant start, String eptCell) {
        LocalDateTime ept;
        try {
            ept = LocalDateTime.parse(requireCell(eptCell, "datetime_beginning_ept"),
                    DATA_MINER_TIME);
        } catch (DateTimeParseException e) {
            throw new RowException("Invalid datetime_beginning_ept: " + eptCell);
        }
        LocalDateTime expected = start.atZone(clock.zone()).toLocalDateTime();
        if (!ept.equals(expected)) {
            throw new RowException("Inconsistent datetime_beginning_ept: " + eptCell
                    + " is not " + start + " in Eastern prevailing time (" + expected + ")");
        }
    }

    private static LocalDateTime parseTwoColumnLabel(String cell) {
        String text = requireCell(cell, "Datetime");
        for (DateTimeFormatter format : TWO_COLUMN_TIMES) {
            LocalDateTime label;
            try {
                label = LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                continue;
            }
            requireWholeHour(label, "Datetime", text);
            return label;
        }
        throw new RowException("Invalid Datetime: " + text
                + " (expected yyyy-MM-dd HH:mm:ss, hour ending)");
    }

    private static double parseMw(String cell) {
        String text = requireCell(cell, "load MW");
        if (!DECIMAL.matcher(text).matches()) {
            throw new RowException("Invalid load MW: " + text);
        }
        double value = Double.parseDouble(text);
        if (value < 0 || value > MAX_LOAD_MW) {
            throw new RowException("Invalid load MW: " + text + " is outside 0 to "
                    + (long) MAX_LOAD_MW + " MW");
        }
        return value;
    }

    private static Boolean parseBoolean(String cell) {
        if (cell == null || cell.isEmpty()) {
            return null;
        }
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1", "y", "yes" -> true;
            case "false", "f", "0", "n", "no" -> false;
            default -> throw new RowException("Invalid is_verified: " + cell);
        };
    }

    private static String requireCell(String cell, String column) {
        if (cell == null || cell.isEmpty()) {
            throw new RowException("Missing " + column);
        }
        return cell;
    }

    private static Map<String, Integer> columnIndex(List<String> header) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            index.put(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        return index;
    }

    private static int require(Map<String, Integer> columns, String name, String sourceFile) {
        Integer index = columns.get(name);
        if (index == null) {
            throw new InvalidInputException("Missing column " + name + " in " + sourceFile);
        }
        return index;
    }

    private static String stripByteOrderMark(String line) {
        return line != null && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** A row-level problem: the row goes to rejects with this message as its reason. */
    private static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message);
        }
    }
}
