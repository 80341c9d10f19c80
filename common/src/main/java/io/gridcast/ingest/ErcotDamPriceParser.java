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
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses ERCOT day-ahead settlement point price files into {@code price_hourly} rows.
 *
 * <p>Two layouts share one header mapping: the daily MIS report NP4-190-CD
 * ({@code DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag}) and the yearly
 * hub and load-zone archive NP4-180-ER ({@code Delivery Date,Hour Ending,Repeated Hour Flag,
 * Settlement Point,Settlement Point Price}). Header names are matched without case, spaces or
 * underscores. Hours are hour ending 01:00 to 24:00 in Central prevailing time. A DST or
 * repeated-hour flag "Y" marks the second hour ending 02:00 of the fall-back day. Prices may
 * carry a leading space and no decimal point; negative prices are valid. An instance reads one
 * file at a time and is not thread-safe.
 */
public final class ErcotDamPriceParser {

    static final String ISO = "ERCOT";
    static final String MARKET_RUN = "DAM";

    /** Columns of the report, whatever the header calls them, named as the daily report does. */
    enum Field {
        DELIVERY_DATE("DeliveryDate"),
        HOUR_ENDING("HourEnding"),
        SETTLEMENT_POINT("SettlementPoint"),
        PRICE("SettlementPointPrice"),
        REPEATED_HOUR_FLAG("DSTFlag");

        final String reportName;

        Field(String reportName) {
            this.reportName = reportName;
        }
    }

    private static final Map<String, Field> HEADER_NAMES = Map.of(
            "deliverydate", Field.DELIVERY_DATE,
            "hourending", Field.HOUR_ENDING,
            "settlementpoint", Field.SETTLEMENT_POINT,
            "settlementpointname", Field.SETTLEMENT_POINT,
            "settlementpointprice", Field.PRICE,
            "dstflag", Field.REPEATED_HOUR_FLAG,
            "repeatedhourflag", Field.REPEATED_HOUR_FLAG);

    private static final DateTimeFormatter DELIVERY_DATE =
            DateTimeFormatter.ofPattern("MM/dd/yyyy");
    private static final Pattern HOUR_ENDING = Pattern.compile("(\\d{1,2})(?::00)?");
    /** Prices as ERCOT writes them: optional sign, digits, optional decimals; no exponent. */
    private static final Pattern PRICE_TEXT = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final HourEndingClock clock = new HourEndingClock(MarketZones.ERCOT);
    private final CsvParser csv;

    public ErcotDamPriceParser() {
        CsvParserSettings csvSettings = new CsvParserSettings();
        csvSettings.setNullValue("");
        csvSettings.setEmptyValue("");
        csvSettings.trimValues(true);
        this.csv = new CsvParser(csvSettings);
    }

    /**
     * Parses every line of {@code source}.
     *
     * @throws InvalidInputException if the file is empty or lacks a column, or if the reader
     *     finds it unreadable (as {@link StrictUtf8LineReader} does with bytes that are not UTF-8)
     */
    public ParsedFile<PriceRecord> parse(String sourceFile, BufferedReader source) {
        try {
            return parseRows(sourceFile, source);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + sourceFile + ": " + e, e);
        }
    }

    private ParsedFile<PriceRecord> parseRows(String sourceFile, BufferedReader source)
            throws IOException {
        String headerLine = source.readLine();
        if (headerLine == null) {
            throw new InvalidInputException("Empty ERCOT price file: " + sourceFile);
        }
        String[] header = csv.parseLine(headerLine.replace("\uFEFF", ""));
        Map<Field, Integer> columns = columnIndex(sourceFile, header);

        List<PriceRecord> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        long lineNumber = 1;
        for (String line = source.readLine(); line != null; line = source.readLine()) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try {
                accepted.add(parseRow(sourceFile, lineNumber, line, header.length, columns));
            } catch (RowException | InvalidTimeLabelException e) {
                rejected.add(new RejectedRow(sourceFile, lineNumber, line, e.getMessage()));
            }
        }
        return new ParsedFile<>(sourceFile, accepted, rejected);
    }

    private PriceRecord parseRow(String sourceFile, long lineNumber, String line, int width,
            Map<Field, Integer> columns) {
        String[] cells = csv.parseLine(line);
        if (cells == null || cells.length != width) {
            throw new RowException("Invalid row: expected " + width + " columns, found "
                    + (cells == null ? 0 : cells.length));
        }
        LocalDate operatingDate = parseDate(cell(cells, columns, Field.DELIVERY_DATE));
        int hourEnding = parseHourEnding(cell(cells, columns, Field.HOUR_ENDING));
        boolean repeated = parseFlag(cells, columns);
        String settlementPoint = cell(cells, columns, Field.SETTLEMENT_POINT);
        double price = parsePrice(cell(cells, columns, Field.PRICE));

        Instant start = clock.intervalStart(operatingDate, hourEnding, repeated);
        return new PriceRecord(ISO, MARKET_RUN, settlementPoint, start,
                MarketHour.of(start, clock.zone()), price, sourceFile, lineNumber, line);
    }

    private static Map<Field, Integer> columnIndex(String sourceFile, String[] header) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (int i = 0; i < header.length; i++) {
            String name = header[i] == null ? "" : header[i].toLowerCase(Locale.ROOT)
                    .replace(" ", "").replace("_", "");
            Field field = HEADER_NAMES.get(name);
            if (field != null) {
                columns.put(field, i);
            }
        }
        for (Field field : Field.values()) {
            if (!columns.containsKey(field)) {
                throw new InvalidInputException("Missing column " + field.reportName
                        + " in " + sourceFile + " (header: " + String.join(",",
                        java.util.Arrays.stream(header).map(String::valueOf).toList()) + ")");
            }
        }
        return columns;
    }

    private static String cell(String[] cells, Map<Field, Integer> columns, Field field) {
        String value = cells[columns.get(field)];
        if (value == null || value.isEmpty()) {
            throw new RowException("Missing " + field.reportName);
        }
        return value;
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text, DELIVERY_DATE);
        } catch (DateTimeParseException e) {
            throw new RowException("Invalid delivery date: " + text + " (expected MM/DD/YYYY)");
        }
    }

    private static int parseHourEnding(String text) {
        Matcher matcher = HOUR_ENDING.matcher(text);
        if (!matcher.matches()) {
            throw new RowException("Invalid hour ending: " + text + " (expected 01:00 to 24:00)");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private static boolean parseFlag(String[] cells, Map<Field, Integer> columns) {
        String flag = cell(cells, columns, Field.REPEATED_HOUR_FLAG).toUpperCase(Locale.ROOT);
        return switch (flag) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new RowException("Invalid DST flag: " + flag + " (expected Y or N)");
        };
    }

    private static double parsePrice(String text) {
        String trimmed = text.trim();
        if (!PRICE_TEXT.matcher(trimmed).matches()) {
            throw new RowException("Invalid settlement point price: " + text);
        }
        return Double.parseDouble(trimmed);
    }

    /** A row-level problem: the row goes to rejects with this message as its reason. */
    private static final class RowException extends RuntimeException {
        RowException(String message) {
            super(message);
        }
    }
}
