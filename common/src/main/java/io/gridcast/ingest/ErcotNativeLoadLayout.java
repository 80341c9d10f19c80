package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ERCOT's hourly native load archive by weather zone: an {@code Hour Ending} column written
 * {@code MM/DD/YYYY HH:00} in Central prevailing time (midnight as {@code 24:00}, the repeated
 * fall-back hour as {@code 02:00 DST}), then one MW column per weather zone and the ERCOT
 * total. Every other column must be a weather zone. Zone names of older archives
 * ({@code FAR_WEST}, {@code NORTH_C}, {@code SOUTHERN}, {@code SOUTH_C}) are stored under the
 * current ones. A line is one hour of all zones, kept or rejected whole.
 */
final class ErcotNativeLoadLayout implements ReportLayout {

    static final StructType ZONE_LOAD = new StructType()
            .add("zone", DataTypes.StringType, false)
            .add("load_mw", DataTypes.DoubleType, false);

    private static final String HOUR_ENDING = "HourEnding";
    private static final double MAX_LOAD_MW = 1_000_000;
    private static final Pattern LABEL =
            Pattern.compile("(\\d{1,2}/\\d{1,2}/\\d{4}) (\\d{1,2}):00( DST)?");
    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("COAST", "COAST"), Map.entry("EAST", "EAST"),
            Map.entry("FWEST", "FWEST"), Map.entry("FARWEST", "FWEST"),
            Map.entry("NORTH", "NORTH"), Map.entry("NCENT", "NCENT"),
            Map.entry("NORTHC", "NCENT"), Map.entry("SOUTH", "SOUTH"),
            Map.entry("SOUTHERN", "SOUTH"), Map.entry("SCENT", "SCENT"),
            Map.entry("SOUTHC", "SCENT"), Map.entry("WEST", "WEST"),
            Map.entry("ERCOT", "ERCOT"));

    private static final StructType SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("zone_loads", DataTypes.createArrayType(ZONE_LOAD, false), false);

    @Override
    public String description() {
        return "ERCOT native load by weather zone";
    }

    @Override
    public Map<String, String> headerFields() {
        return Map.of("hourending", HOUR_ENDING, "hourend", HOUR_ENDING);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(HOUR_ENDING);
    }

    @Override
    public void checkOtherColumns(String sourceFile, List<String> otherColumns) {
        if (otherColumns.isEmpty()) {
            throw new InvalidInputException("No weather zone column in " + sourceFile);
        }
        java.util.Set<String> zones = new java.util.HashSet<>();
        for (String column : otherColumns) {
            String zone = ZONES.get(zoneKey(column));
            if (zone != null && !zones.add(zone)) {
                throw new InvalidInputException("Weather zone " + zone + " appears twice in "
                        + sourceFile + " (column " + column + ")");
            }
            if (zone == null) {
                throw new InvalidInputException("Unknown column " + column + " in " + sourceFile
                        + " for " + description() + " (expected Hour Ending and weather zones "
                        + "COAST, EAST, FWEST, NORTH, NCENT, SOUTH, SCENT, WEST, ERCOT)");
            }
        }
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public Object[] parse(ReportCells cells) {
        String label = cells.text(HOUR_ENDING);
        Matcher matcher = LABEL.matcher(label);
        if (!matcher.matches()) {
            throw new RowRejection("Invalid hour ending: " + label
                    + " (expected MM/DD/YYYY HH:00, optionally followed by DST)");
        }
        LocalDate operatingDate = ErcotLabels.date(matcher.group(1));
        int hourEnding = Integer.parseInt(matcher.group(2));
        boolean repeated = matcher.group(3) != null;
        Row[] zoneLoads = zoneLoads(cells.otherCells());

        Instant start = ErcotLabels.CLOCK.intervalStart(operatingDate, hourEnding, repeated);
        MarketHour hour = MarketHour.of(start, ErcotLabels.CLOCK.zone());
        return new Object[] {ErcotLabels.ISO, start, hour.operatingDate(), hour.hourEnding(),
            hour.dstFlag(), zoneLoads};
    }

    private static Row[] zoneLoads(Map<String, String> cells) {
        List<Row> loads = new ArrayList<>();
        cells.forEach((column, text) -> {
            String value = text == null ? "" : text.trim();
            if (value.isEmpty()) {
                throw new RowRejection("Missing load for " + column);
            }
            double loadMw = ErcotLabels.number(column + " load", value);
            if (loadMw < 0 || loadMw > MAX_LOAD_MW) {
                throw new RowRejection("Load out of range for " + column + ": " + value
                        + " MW (expected 0 to " + (long) MAX_LOAD_MW + ")");
            }
            loads.add(RowFactory.create(ZONES.get(zoneKey(column)), loadMw));
        });
        checkTotal(loads);
        // Sorted by zone, so files with the same values in another column order agree.
        loads.sort(java.util.Comparator.comparing(load -> load.getString(0)));
        return loads.toArray(Row[]::new);
    }

    /**
     * Rejects a line whose ERCOT total differs from the sum of its weather zones by more than
     * 0.1 % (at least 1 MW), which allows for rounding in older archives.
     */
    private static void checkTotal(List<Row> loads) {
        double zonesMw = 0;
        Double totalMw = null;
        for (Row load : loads) {
            if (load.getString(0).equals("ERCOT")) {
                totalMw = load.getDouble(1);
            } else {
                zonesMw += load.getDouble(1);
            }
        }
        if (totalMw != null && loads.size() > 1
                && Math.abs(totalMw - zonesMw) > Math.max(1.0, 0.001 * totalMw)) {
            throw new RowRejection(String.format(Locale.ROOT, "Invalid ERCOT total: %.3f MW, "
                    + "but the weather zones sum to %.3f MW", totalMw, zonesMw));
        }
    }

    private static String zoneKey(String column) {
        return column.toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
    }
}
