package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import io.gridcast.time.MarketZones;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The ERCOT public reports gridcast reads, and the table each one fills. */
public enum ErcotReport {

    /** DAM settlement point prices (NP4-190-CD and the NP4-180-ER archive), hourly. */
    DAM_SPP(new ErcotDamPriceLayout(), Tables.PRICE_HOURLY,
            List.of("iso", "market_run", "settlement_point", "interval_start_utc"),
            List.of("price_usd_per_mwh"), List.of("iso", "market_run", "settlement_point"), 1,
            ErcotReport::hourlyRows),

    /** RT settlement point prices (NP6-905-CD and the NP6-785-ER archive), 15-minute. */
    RT_SPP(new ErcotRtPriceLayout(), Tables.PRICE_INTERVAL,
            List.of("iso", "market_run", "settlement_point", "settlement_point_type",
                    "interval_start_utc"),
            List.of("price_usd_per_mwh"),
            List.of("iso", "market_run", "settlement_point", "settlement_point_type"),
            ErcotRtPriceLayout.INTERVALS_PER_HOUR,
            rows -> rows.withColumn("interval_end_utc",
                    expr("interval_start_utc + INTERVAL 15 MINUTES"))),

    /** DAM total energy sold per settlement point and hour (NP4-193-CD). */
    DAM_ENERGY_SOLD(new ErcotDamEnergyLayout(ErcotDamEnergyLayout.Side.SOLD),
            Tables.DAM_ENERGY_SOLD, List.of("iso", "settlement_point", "interval_start_utc"),
            List.of("energy_mwh"), List.of("iso", "settlement_point"), 1,
            ErcotReport::hourlyRows),

    /** DAM total energy purchased per settlement point and hour (NP4-192-CD). */
    DAM_ENERGY_PURCHASED(new ErcotDamEnergyLayout(ErcotDamEnergyLayout.Side.PURCHASED),
            Tables.DAM_ENERGY_PURCHASED, List.of("iso", "settlement_point", "interval_start_utc"),
            List.of("energy_mwh"), List.of("iso", "settlement_point"), 1,
            ErcotReport::hourlyRows),

    /** Hourly native load by weather zone (the yearly load archive), one row per zone. */
    NATIVE_LOAD(new ErcotNativeLoadLayout(), Tables.LOAD_HOURLY,
            List.of("iso", "interval_start_utc"), List.of("zone_loads"), List.of("iso", "zone"),
            1, ErcotReport::zoneRows);

    private final ReportIngest.Report report;

    ErcotReport(ReportLayout layout, TableDefinition table, List<String> key,
            List<String> values, List<String> seriesColumns, int intervalsPerHour,
            UnaryOperator<Dataset<Row>> tableRows) {
        this.report = new ReportIngest.Report("ercot-" + cliName(), layout, table, key, values,
                seriesColumns, intervalsPerHour, MarketZones.ERCOT, tableRows, null);
    }

    /** Returns the report's name on the command line, e.g. {@code rt-spp}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public ReportIngest.Report report() {
        return report;
    }

    /** Finds a report by its command-line name. */
    public static ErcotReport fromCliName(String name) {
        for (ErcotReport candidate : values()) {
            if (candidate.cliName().equalsIgnoreCase(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown ERCOT report: " + name + " (expected one of "
                + String.join(", ", List.of(values()).stream().map(ErcotReport::cliName)
                        .toList()) + ")");
    }

    private static Dataset<Row> hourlyRows(Dataset<Row> rows) {
        return rows.withColumn("interval_end_utc", expr("interval_start_utc + INTERVAL 1 HOUR"));
    }

    private static Dataset<Row> zoneRows(Dataset<Row> rows) {
        return hourlyRows(rows.withColumn("zone_load", explode(col("zone_loads"))))
                .withColumn("zone", col("zone_load.zone"))
                .withColumn("load_mw", col("zone_load.load_mw"))
                .withColumn("is_verified", lit(null).cast("boolean"));
    }
}
