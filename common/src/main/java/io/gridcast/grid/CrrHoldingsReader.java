package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import io.gridcast.ingest.RejectedRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a CSV file of CRR holdings with the header
 * {@code holding_id,source,sink,mw,type,start_utc,end_utc} (any column order). {@code type}
 * is {@code obligation} or {@code option}. The period runs from {@code start_utc} to
 * {@code end_utc}, exclusive, each an ISO date (midnight UTC) or an ISO date-time with an
 * offset, on whole hours. A row that breaks a rule is rejected with its line and reason.
 */
public final class CrrHoldingsReader {

    static final List<String> COLUMNS = List.of("holding_id", "source", "sink", "mw", "type",
            "start_utc", "end_utc");

    /**
     * The holdings of one file and its rejected rows.
     *
     * @param holdings accepted holdings in file order
     * @param rejects rows not accepted, with their reasons
     * @param rowsRead data rows read (header and blank lines excluded)
     * @param fileIds every non-empty holding_id of the file, accepted or rejected
     */
    public record Parsed(List<CrrHolding> holdings, List<RejectedRow> rejects, long rowsRead,
            Set<String> fileIds) {
    }

    private CrrHoldingsReader() {
    }

    /** Parses {@code lines} of the file {@code fileName}. */
    public static Parsed read(List<String> lines, String fileName) {
        if (lines.isEmpty()) {
            throw new InvalidInputException(fileName + " is empty: expected the header "
                    + String.join(",", COLUMNS));
        }
        Map<String, Integer> columns = header(lines.get(0), fileName);
        List<CrrHolding> holdings = new ArrayList<>();
        List<RejectedRow> rejects = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> fileIds = new TreeSet<>();
        int idColumn = columns.get("holding_id");
        long rowsRead = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            rowsRead++;
            String[] cells = line.split(",", -1);
            if (idColumn < cells.length && !cells[idColumn].isBlank()) {
                fileIds.add(cells[idColumn].trim());
            }
            try {
                CrrHolding holding = holding(cells, columns);
                if (!ids.add(holding.holdingId())) {
                    throw new IllegalArgumentException("duplicate holding_id "
                            + holding.holdingId());
                }
                holdings.add(holding);
            } catch (IllegalArgumentException e) {
                rejects.add(new RejectedRow(fileName, i + 1, line, e.getMessage()));
            }
        }
        return new Parsed(holdings, rejects, rowsRead, fileIds);
    }

    private static Map<String, Integer> header(String line, String fileName) {
        Map<String, Integer> columns = new HashMap<>();
        String[] names = line.split(",", -1);
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim().toLowerCase(Locale.ROOT), i);
        }
        List<String> missing = COLUMNS.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException(fileName + " line 1: missing column(s) "
                    + String.join(", ", missing) + "; expected the header "
                    + String.join(",", COLUMNS));
        }
        return columns;
    }

    private static CrrHolding holding(String[] cells, Map<String, Integer> columns) {
        String id = cell(cells, columns, "holding_id");
        String source = cell(cells, columns, "source");
        String sink = cell(cells, columns, "sink");
        if (source.equals(sink)) {
            throw new IllegalArgumentException("source and sink are the same node " + source);
        }
        double mw = megawatts(cell(cells, columns, "mw"));
        boolean option = option(cell(cells, columns, "type"));
        Instant start = hour(cell(cells, columns, "start_utc"), "start_utc");
        Instant end = hour(cell(cells, columns, "end_utc"), "end_utc");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("end_utc " + end + " is not after start_utc "
                    + start);
        }
        return new CrrHolding(id, source, sink, mw, option, start, end);
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        int index = columns.get(name);
        String value = index < cells.length ? cells[index].trim() : "";
        if (value.isEmpty()) {
            throw new IllegalArgumentException("missing " + name);
        }
        return value;
    }

    private static double megawatts(String text) {
        double mw;
        try {
            mw = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("mw '" + text + "' is not a number");
        }
        if (!(mw > 0) || Double.isInfinite(mw)) {
            throw new IllegalArgumentException("mw " + text + " is not a positive quantity");
        }
        return mw;
    }

    private static boolean option(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "option" -> true;
            case "obligation" -> false;
            default -> throw new IllegalArgumentException("type '" + text
                    + "' is neither obligation nor option");
        };
    }

    private static Instant hour(String text, String column) {
        Instant instant;
        try {
            instant = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(column + " '" + text + "' is neither an ISO date "
                    + "nor an ISO date-time with offset, e.g. 2024-07-01 or 2024-07-01T05:00Z");
        }
        if (!instant.truncatedTo(ChronoUnit.HOURS).equals(instant)) {
            throw new IllegalArgumentException(column + " " + text + " is not on a whole hour");
        }
        return instant;
    }
}
