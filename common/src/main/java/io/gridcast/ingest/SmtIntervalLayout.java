package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import io.gridcast.time.MarketZones;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The Smart Meter Texas 15-minute interval export: one row per meter (ESIID), channel
 * (consumption or surplus generation), day and interval, in Central prevailing time with
 * interval-beginning labels and no DST flag. A file with only a timestamp and a kWh column,
 * as the portal's download gives, is read as one meter's consumption, the meter named by the
 * file (the ESIID in its name when there is one).
 *
 * <p>Local labels become UTC intervals as follows. On the spring-forward day SMT writes the
 * four intervals of 02:00 to 03:00, which do not exist, with blank usage: they are rejected,
 * leaving 92. On the fall-back day the hour from 01:00 comes twice, 100 intervals in all:
 * within one file, the first row of a local start time is the daylight-time interval and the
 * second the standard-time one. SMT labels the first standard-time interval "02:00 to 01:15",
 * and the end time places it.
 */
final class SmtIntervalLayout implements ReportLayout {

    static final ZoneId ZONE = MarketZones.ERCOT;
    static final String CONSUMPTION = "consumption";
    static final String SURPLUS_GENERATION = "surplus_generation";

    private static final String ESIID = "ESIID";
    private static final String USAGE_DATE = "USAGE_DATE";
    private static final String REVISION_DATE = "REVISION_DATE";
    private static final String START_TIME = "USAGE_START_TIME";
    private static final String END_TIME = "USAGE_END_TIME";
    private static final String USAGE_KWH = "USAGE_KWH";
    private static final String ESTIMATED_ACTUAL = "ESTIMATED_ACTUAL";
    private static final String CHANNEL = "CONSUMPTION_SURPLUSGENERATION";
    private static final String TIMESTAMP = "timestamp";
    private static final String KWH = "kWh";
    private static final double MAX_KWH = 1e6;
    private static final List<DateTimeFormatter> TIMESTAMPS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm[:ss]"),
            DateTimeFormatter.ofPattern("MM/dd/uuuu HH:mm[:ss]"))
            .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("MM/dd/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter REVISION = DateTimeFormatter
            .ofPattern("MM/dd/uuuu HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    // Positions of the values parse returns.
    private static final int METER = 0;
    private static final int CHANNEL_VALUE = 1;
    private static final int START_UTC = 2;
    private static final int OPERATING_DATE = 3;
    private static final int HOUR_ENDING = 4;
    private static final int INTERVAL_ENDING = 5;
    private static final int DST_FLAG = 6;
    private static final int ENERGY = 7;
    private static final int ESTIMATED = 8;
    private static final int REVISED_AT = 9;
    private static final int LOCAL_START = 10;

    private static final StructType SCHEMA = new StructType()
            .add("meter_id", DataTypes.StringType, false)
            .add("channel", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("interval_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("energy_kwh", DataTypes.DoubleType, false)
            .add("is_estimated", DataTypes.BooleanType, true)
            .add("revised_at_utc", DataTypes.TimestampType, true)
            .add("local_start", DataTypes.StringType, false);

    private final MeterIds meterIds;
    /** Pseudonym of the meter of a two-column file, null for the interval export. */
    private final String fileMeterId;

    SmtIntervalLayout(MeterIds meterIds) {
        this(meterIds, null);
    }

    private SmtIntervalLayout(MeterIds meterIds, String fileMeterId) {
        this.meterIds = meterIds;
        this.fileMeterId = fileMeterId;
    }

    @Override
    public String description() {
        return fileMeterId == null ? "Smart Meter Texas 15-minute interval data"
                : "Smart Meter Texas two-column download (timestamp, kWh)";
    }

    /** Reads a file without an ESIID column as a two-column download of one meter. */
    @Override
    public ReportLayout forHeader(String sourceFile, String[] names) {
        boolean interval = java.util.Arrays.stream(names)
                .anyMatch(name -> name != null && ReportCells.normalise(name).equals("esiid"));
        return interval || fileMeterId != null ? this
                : new SmtIntervalLayout(meterIds, meterIds.ofFileName(sourceFile));
    }

    @Override
    public Map<String, String> headerFields() {
        if (fileMeterId != null) {
            return Map.of("timestamp", TIMESTAMP, "datetime", TIMESTAMP,
                    "intervalstart", TIMESTAMP, "starttime", TIMESTAMP,
                    "kwh", KWH, "usagekwh", KWH, "usage(kwh)", KWH, "consumption(kwh)", KWH,
                    "consumptionkwh", KWH);
        }
        return Map.of(
                "esiid", ESIID,
                "usagedate", USAGE_DATE,
                "revisiondate", REVISION_DATE,
                "usagestarttime", START_TIME,
                "usageendtime", END_TIME,
                "usagekwh", USAGE_KWH,
                "estimatedactual", ESTIMATED_ACTUAL,
                "consumptionsurplusgeneration", CHANNEL);
    }

    @Override
    public List<String> requiredFields() {
        return fileMeterId != null ? List.of(TIMESTAMP, KWH)
                : List.of(ESIID, USAGE_DATE, START_TIME, END_TIME, USAGE_KWH, CHANNEL);
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public String redact(String rawLine) {
        return meterIds.redact(rawLine);
    }

    @Override
    public String redactPath(String path) {
        return meterIds.redactPath(path);
    }

    /**
     * Reads one row. The UTC start and the local labels of a row in the repeated fall-back
     * hour are left null here and set by {@link #completeFile}, which reads the rows in file order.
     */
    @Override
    public Object[] parse(ReportCells cells) {
        return fileMeterId == null ? parseExport(cells) : parseDownload(cells);
    }

    private Object[] parseDownload(ReportCells cells) {
        LocalDateTime localStart = timestamp(cells.text(TIMESTAMP));
        String usage = cells.textOrNull(KWH);
        List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(localStart);
        LocalTime start = localStart.toLocalTime();
        checkInterval(localStart.toLocalDate(), start, start.plusMinutes(15), false, offsets,
                usage);
        Object[] values = new Object[SCHEMA.size()];
        values[METER] = fileMeterId;
        values[CHANNEL_VALUE] = CONSUMPTION;
        values[ENERGY] = energy(usage, KWH);
        values[LOCAL_START] = localStart.toString();
        if (offsets.size() == 1) {
            label(values, localStart.toInstant(offsets.get(0)));
        }
        return values;
    }

    private Object[] parseExport(ReportCells cells) {
        String meterId = meterIds.pseudonym(cells.text(ESIID));
        String channel = channel(cells.text(CHANNEL));
        LocalDate date = date(cells.text(USAGE_DATE));
        LocalTime startTime = time(START_TIME, cells.text(START_TIME));
        LocalTime endTime = time(END_TIME, cells.text(END_TIME));
        String usage = cells.textOrNull(USAGE_KWH);

        boolean wrapsBack = !endTime.equals(LocalTime.MIDNIGHT) && endTime.isBefore(startTime);
        LocalDateTime localStart = date.atTime(wrapsBack ? endTime.minusMinutes(15) : startTime);
        List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(localStart);
        checkInterval(date, startTime, endTime, wrapsBack, offsets, usage);
        double energyKwh = energy(usage, USAGE_KWH);
        Boolean estimated = estimated(cells.textOrNull(ESTIMATED_ACTUAL));
        Instant revisedAt = revision(cells.textOrNull(REVISION_DATE));

        Object[] values = new Object[SCHEMA.size()];
        values[METER] = meterId;
        values[CHANNEL_VALUE] = channel;
        values[ENERGY] = energyKwh;
        values[ESTIMATED] = estimated;
        values[REVISED_AT] = revisedAt;
        values[LOCAL_START] = localStart.toString();
        if (offsets.size() == 1 || wrapsBack) {
            ZoneOffset offset = offsets.get(offsets.size() - 1);
            label(values, localStart.toInstant(offset));
        }
        return values;
    }

    /**
     * Places the rows of the repeated fall-back hour: for each meter, channel, revision and
     * local start time, the first row in the file is daylight time and the second standard
     * time. A row labelled "02:00 to 01:15" is already placed in standard time.
     */
    @Override
    public ParsedFile<ParsedRow> completeFile(ParsedFile<ParsedRow> file) {
        Set<String> standardTimeTaken = new HashSet<>();
        for (ParsedRow row : file.accepted()) {
            if (row.values()[START_UTC] != null && Boolean.TRUE.equals(row.values()[DST_FLAG])) {
                standardTimeTaken.add(occurrenceKey(row));
            }
        }
        List<ParsedRow> accepted = new ArrayList<>(file.accepted().size());
        List<RejectedRow> rejected = new ArrayList<>(file.rejected());
        Map<String, Integer> placed = new HashMap<>();
        for (ParsedRow row : file.accepted()) {
            if (row.values()[START_UTC] != null) {
                accepted.add(row);
                continue;
            }
            String key = occurrenceKey(row);
            int occurrence = placed.merge(key, 1, Integer::sum) - 1;
            LocalDateTime localStart = LocalDateTime.parse((String) row.values()[LOCAL_START]);
            List<ZoneOffset> offsets = ZONE.getRules().getValidOffsets(localStart);
            if (occurrence > 1 || occurrence == 1 && standardTimeTaken.contains(key)) {
                rejected.add(new RejectedRow(row.sourceFile(), row.lineNumber(), row.rawLine(),
                        "Local time " + localStart.toLocalTime() + " on "
                                + localStart.toLocalDate() + " appears more than twice"
                                + " (the fall-back day has it twice)"));
                continue;
            }
            label(row.values(), localStart.toInstant(offsets.get(occurrence)));
            accepted.add(row);
        }
        return new ParsedFile<>(file.sourceFile(), accepted, rejected);
    }

    private static String occurrenceKey(ParsedRow row) {
        Object[] values = row.values();
        return values[METER] + "|" + values[CHANNEL_VALUE] + "|" + values[REVISED_AT] + "|"
                + values[LOCAL_START];
    }

    private static void label(Object[] values, Instant startUtc) {
        MarketHour hour = MarketHour.of(startUtc, ZONE);
        values[START_UTC] = startUtc;
        values[OPERATING_DATE] = hour.operatingDate();
        values[HOUR_ENDING] = hour.hourEnding();
        values[INTERVAL_ENDING] = startUtc.atZone(ZONE).getMinute() / 15 + 1;
        values[DST_FLAG] = hour.dstFlag();
    }

    private static void checkInterval(LocalDate date, LocalTime start, LocalTime end,
            boolean wrapsBack, List<ZoneOffset> offsets, String usage) {
        if (start.getMinute() % 15 != 0) {
            throw new RowRejection("Invalid USAGE_START_TIME " + start
                    + ": not on a quarter hour");
        }
        if (wrapsBack && offsets.size() != 2) {
            throw new RowRejection("Invalid interval " + start + " to " + end + " on " + date
                    + ": it ends before it starts, which only the fall-back hour may");
        }
        if (!wrapsBack && !start.plusMinutes(15).equals(end)) {
            throw new RowRejection("Invalid interval " + start + " to " + end
                    + ": expected 15 minutes");
        }
        if (offsets.isEmpty()) {
            throw new RowRejection("Nonexistent local time " + start + " on " + date
                    + " (spring-forward gap)" + (usage == null
                            ? " with blank usage, as SMT writes it" : " with usage " + usage));
        }
    }

    private static String channel(String text) {
        String normalised = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
        return switch (normalised) {
            case "consumption" -> CONSUMPTION;
            case "surplusgeneration" -> SURPLUS_GENERATION;
            default -> throw new RowRejection("Invalid " + CHANNEL + " " + abbreviate(text)
                    + ": expected Consumption or Surplus Generation");
        };
    }

    private static LocalDate date(String text) {
        try {
            LocalDate date = LocalDate.parse(text, DATE);
            if (date.getYear() < 2000 || date.getYear() > 2100) {
                throw new RowRejection("Invalid " + USAGE_DATE + " " + text
                        + ": outside 2000..2100");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new RowRejection("Invalid " + USAGE_DATE + " " + abbreviate(text)
                    + ": expected MM/DD/YYYY");
        }
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(text, TIME);
        } catch (DateTimeParseException e) {
            throw new RowRejection("Invalid " + field + " " + abbreviate(text)
                    + ": expected HH:MM");
        }
    }

    private static double energy(String text, String field) {
        if (text == null) {
            throw new RowRejection("Missing " + field);
        }
        if (!text.matches("\\d*\\.?\\d+")) {
            throw new RowRejection("Invalid " + field + " " + abbreviate(text)
                    + ": expected a number of kWh, 0 or more");
        }
        double kwh = Double.parseDouble(text);
        if (kwh > MAX_KWH) {
            throw new RowRejection("Invalid " + field + " " + text + ": over " + MAX_KWH
                    + " kWh in 15 minutes");
        }
        return kwh;
    }

    private static LocalDateTime timestamp(String text) {
        for (DateTimeFormatter format : TIMESTAMPS) {
            try {
                return LocalDateTime.parse(text, format);
            } catch (DateTimeParseException e) {
                // Try the next format.
            }
        }
        throw new RowRejection("Invalid " + TIMESTAMP + " " + abbreviate(text)
                + ": expected YYYY-MM-DD HH:MM or MM/DD/YYYY HH:MM");
    }

    private static Boolean estimated(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "A" -> false;
            case "E" -> true;
            default -> throw new RowRejection("Invalid " + ESTIMATED_ACTUAL + " "
                    + abbreviate(text) + ": expected A (actual) or E (estimated)");
        };
    }

    private static Instant revision(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, REVISION).atZone(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new RowRejection("Invalid " + REVISION_DATE + " " + abbreviate(text)
                    + ": expected MM/DD/YYYY HH:MM:SS");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
