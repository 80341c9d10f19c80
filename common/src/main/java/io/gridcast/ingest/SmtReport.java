package io.gridcast.ingest;

import static org.apache.spark.sql.functions.expr;

import io.gridcast.io.Tables;
import java.util.List;

/** Smart Meter Texas interval exports as a report: layout, keys, series and revisions. */
public final class SmtReport {

    /** Name of the ingest job in {@code rejects}. */
    public static final String JOB = "smt";

    private SmtReport() {
    }

    /**
     * Returns the report that reads SMT exports into {@code meter_interval}.
     *
     * @param meterIdHashKey secret key of the meter id pseudonyms, at least 16 characters
     */
    public static ReportIngest.Report report(String meterIdHashKey) {
        return new ReportIngest.Report(JOB, new SmtIntervalLayout(new MeterIds(meterIdHashKey)),
                Tables.METER_INTERVAL,
                List.of("meter_id", "channel", "interval_start_utc", "revised_at_utc"),
                List.of("energy_kwh", "is_estimated"), List.of("meter_id", "channel"), 4,
                SmtIntervalLayout.ZONE,
                rows -> rows.withColumn("interval_end_utc",
                        expr("interval_start_utc + INTERVAL 15 MINUTES")),
                "revised_at_utc");
    }

    /** Shortest meter id hash key accepted, in characters. */
    public static int minKeyLength() {
        return MeterIds.MIN_KEY_LENGTH;
    }
}
