package io.gridcast.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.gridcast.ingest.InvalidInputException;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An hourly load curve that scales a case's bus loads, one snapshot per hour. By default each
 * hour's factor is the curve's load divided by its highest load in the period, so the case's
 * own loads are the peak hour. {@link #levelledTo} instead makes the case's total load follow
 * the curve's megawatts.
 *
 * @param iso market operator of the curve, e.g. ERCOT
 * @param zone zone of the curve, e.g. ERCOT for the total
 * @param hours the hours in time order
 */
public record LoadProfile(String iso, String zone, List<Hour> hours) implements Serializable {

    /**
     * One hour of the curve with its market labels.
     *
     * @param intervalStartUtc hour start, UTC
     * @param operatingDate market-local date of the hour
     * @param hourEnding market-local hour ending, 1 to 24
     * @param dstFlag true for the repeated fall-back hour
     * @param curveLoadMw load of the curve in the hour
     * @param loadFactor factor on the case's bus loads
     */
    public record Hour(Instant intervalStartUtc, LocalDate operatingDate,
            int hourEnding, boolean dstFlag, double curveLoadMw, double loadFactor)
            implements Serializable {
    }

    /**
     * Reads the curve of {@code iso} and {@code zone} from rows of the {@code load_hourly}
     * table, from the market-local operating day {@code firstDay} to the day before
     * {@code endDay} (either may be null for the curve's own start or end).
     *
     * @throws InvalidInputException if no hour matches, naming the zones and days the table
     *     has for {@code iso}
     */
    public static LoadProfile fromLoadTable(Dataset<Row> loadHourly, String iso, String zone,
            LocalDate firstDay, LocalDate endDay) {
        Dataset<Row> curve = loadHourly.filter(col("iso").equalTo(lit(iso))
                .and(col("zone").equalTo(lit(zone))));
        if (firstDay != null) {
            curve = curve.filter(col("operating_date").geq(lit(firstDay)));
        }
        if (endDay != null) {
            curve = curve.filter(col("operating_date").lt(lit(endDay)));
        }
        List<Row> rows = curve.select("interval_start_utc", "operating_date", "hour_ending",
                "dst_flag", "load_mw").orderBy("interval_start_utc").collectAsList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("No hours of " + iso + " " + zone
                    + " in load_hourly" + period(firstDay, endDay) + ". " + available(loadHourly,
                    iso));
        }
        return of(iso, zone, rows);
    }

    /** Lists the zones of {@code iso} in {@code loadHourly} with their first and last days. */
    private static String available(Dataset<Row> loadHourly, String iso) {
        List<Row> zones = loadHourly.filter(col("iso").equalTo(lit(iso))).groupBy("zone")
                .agg(min("operating_date"), max("operating_date")).orderBy("zone")
                .collectAsList();
        if (zones.isEmpty()) {
            return "The table has no " + iso + " load: ingest the load curve first, e.g. "
                    + "gridcast ingest ercot --report native-load";
        }
        return "The table has " + iso + " " + zones.stream().map(row -> row.getString(0) + " "
                + row.get(1) + " to " + row.get(2)).collect(Collectors.joining(", "));
    }

    /**
     * Returns this curve with each hour's factor set to the curve's load over
     * {@code caseLoadMw}, the case's total bus load, so the case carries the curve's MW.
     */
    public LoadProfile levelledTo(double caseLoadMw) {
        if (!(caseLoadMw > 0)) {
            throw new InvalidInputException("The case has no load to scale to the curve of "
                    + iso + " " + zone);
        }
        return new LoadProfile(iso, zone, hours.stream().map(h -> new Hour(h.intervalStartUtc(),
                h.operatingDate(), h.hourEnding(), h.dstFlag(), h.curveLoadMw(),
                h.curveLoadMw() / caseLoadMw)).toList());
    }

    private static LoadProfile of(String iso, String zone, List<Row> rows) {
        double peakMw = rows.stream().mapToDouble(r -> r.getDouble(4)).max().orElseThrow();
        if (!(peakMw > 0)) {
            throw new InvalidInputException("The load curve of " + iso + " " + zone
                    + " has no positive load to scale by");
        }
        List<Hour> hours = rows.stream().map(r -> new Hour(instant(r.get(0)), date(r.get(1)),
                r.getInt(2), r.getBoolean(3), r.getDouble(4), r.getDouble(4) / peakMw)).toList();
        return new LoadProfile(iso, zone, hours);
    }

    /** Reads a timestamp cell, which Spark returns as an Instant with its Java 8 time API. */
    private static Instant instant(Object cell) {
        return cell instanceof Instant instant ? instant : ((Timestamp) cell).toInstant();
    }

    private static LocalDate date(Object cell) {
        return cell instanceof LocalDate day ? day : ((Date) cell).toLocalDate();
    }

    private static String period(LocalDate firstDay, LocalDate endDay) {
        if (firstDay == null && endDay == null) {
            return "";
        }
        return " from operating day " + (firstDay == null ? "the first" : firstDay)
                + " to the day before " + (endDay == null ? "the end" : endDay);
    }
}
