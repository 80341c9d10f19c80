package io.gridcast.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.gridcast.ingest.InvalidInputException;
import java.io.Serializable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
    public record Hour(Instant intervalStartUtc, java.time.LocalDate operatingDate,
            int hourEnding, boolean dstFlag, double curveLoadMw, double loadFactor)
            implements Serializable {
    }

    /**
     * Reads the curve of {@code iso} and {@code zone} from rows of the {@code load_hourly}
     * table, from {@code startUtc} inclusive to {@code endUtc} exclusive (either may be null).
     */
    public static LoadProfile fromLoadTable(Dataset<Row> loadHourly, String iso, String zone,
            Instant startUtc, Instant endUtc) {
        Dataset<Row> curve = loadHourly.filter(col("iso").equalTo(lit(iso))
                .and(col("zone").equalTo(lit(zone))));
        if (startUtc != null) {
            curve = curve.filter(col("interval_start_utc").geq(lit(Timestamp.from(startUtc))));
        }
        if (endUtc != null) {
            curve = curve.filter(col("interval_start_utc").lt(lit(Timestamp.from(endUtc))));
        }
        List<Row> rows = curve.select("interval_start_utc", "operating_date", "hour_ending",
                "dst_flag", "load_mw").orderBy("interval_start_utc").collectAsList();
        if (rows.isEmpty()) {
            throw new InvalidInputException("No hours of " + iso + " " + zone
                    + " in load_hourly" + period(startUtc, endUtc) + ": ingest the load "
                    + "curve first, e.g. gridcast ingest ercot --report native-load");
        }
        return of(iso, zone, rows);
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

    private static java.time.LocalDate date(Object cell) {
        return cell instanceof java.time.LocalDate day ? day : ((Date) cell).toLocalDate();
    }

    private static String period(Instant startUtc, Instant endUtc) {
        if (startUtc == null && endUtc == null) {
            return "";
        }
        return " from " + (startUtc == null ? "the first hour" : startUtc) + " to "
                + (endUtc == null ? "the last hour" : endUtc);
    }
}
