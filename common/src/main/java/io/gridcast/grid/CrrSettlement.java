package io.gridcast.grid;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Settles CRR holdings hour by hour against node prices. The price is either the total LMP
 * (ERCOT's CRRs settle on day-ahead settlement point prices) or only its congestion component
 * (PJM's FTRs). In the lossless DC model both give the same payoff for an obligation, because
 * the energy component is the same at every bus of an island.
 */
public final class CrrSettlement {

    /** Price a right settles on. */
    public enum PriceBasis {
        /** The total locational marginal price. */
        LMP,
        /** The congestion component of the LMP only. */
        CONGESTION;

        /** Parses {@code lmp} or {@code congestion}, as the settings write it. */
        public static PriceBasis parse(String text, String setting) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "lmp" -> LMP;
                case "congestion" -> CONGESTION;
                default -> throw new IllegalArgumentException("Invalid setting " + setting
                        + ": '" + text + "' (expected lmp or congestion)");
            };
        }

        /** Returns the name the tables use: {@code lmp} or {@code congestion}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Columns of the node prices to settle on. */
    public static final StructType NODE_PRICES = new StructType()
            .add("node", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("price_usd_per_mwh", DataTypes.DoubleType, false);

    private static final StructType HOLDINGS = new StructType()
            .add("holding_id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("sink", DataTypes.StringType, false)
            .add("mw", DataTypes.DoubleType, false)
            .add("holding_type", DataTypes.StringType, false)
            .add("start_utc", DataTypes.TimestampType, false)
            .add("end_utc", DataTypes.TimestampType, false)
            .add("period_hours", DataTypes.LongType, false);

    private CrrSettlement() {
    }

    /** Returns the holdings as rows of the settlement's holdings schema. */
    public static Dataset<Row> holdings(SparkSession spark, List<CrrHolding> holdings) {
        List<Row> rows = holdings.stream().map(h -> RowFactory.create(h.holdingId(),
                h.sourceNode(), h.sinkNode(), h.mw(), h.type(), Timestamp.from(h.startUtc()),
                Timestamp.from(h.endUtc()), h.hours())).toList();
        return spark.createDataFrame(rows, HOLDINGS);
    }

    /**
     * Returns one row per holding and hour that has a price at both source and sink:
     * {@code holding_id, interval_start_utc, source, sink, mw, holding_type, price_basis,
     * source_price_usd_per_mwh, sink_price_usd_per_mwh, payoff_usd}.
     */
    public static Dataset<Row> hourly(Dataset<Row> holdings, Dataset<Row> nodePrices,
            PriceBasis basis) {
        Dataset<Row> source = nodePrices.select(col("node").as("source"),
                col("interval_start_utc"), col("price_usd_per_mwh").as("source_price_usd_per_mwh"));
        Dataset<Row> sink = nodePrices.select(col("node").as("sink"),
                col("interval_start_utc").as("sink_interval_start_utc"),
                col("price_usd_per_mwh").as("sink_price_usd_per_mwh"));

        Dataset<Row> atSource = holdings.join(source, "source")
                .filter(col("interval_start_utc").geq(col("start_utc"))
                        .and(col("interval_start_utc").lt(col("end_utc"))));
        Dataset<Row> priced = atSource.join(sink, atSource.col("sink").equalTo(sink.col("sink"))
                .and(col("interval_start_utc").equalTo(col("sink_interval_start_utc"))))
                .drop(sink.col("sink"));

        Column spread = col("mw").multiply(col("sink_price_usd_per_mwh")
                .minus(col("source_price_usd_per_mwh")));
        Column payoff = when(col("holding_type").equalTo("option"), greatest(spread, lit(0.0)))
                .otherwise(spread);
        return priced.select(col("holding_id"), col("interval_start_utc"), col("source"),
                col("sink"), col("mw"), col("holding_type"), lit(basis.label()).as("price_basis"),
                col("source_price_usd_per_mwh"), col("sink_price_usd_per_mwh"),
                payoff.as("payoff_usd"));
    }

    /**
     * Returns one row per holding: {@code holding_id, source, sink, mw, holding_type,
     * price_basis, period_hours, settled_hours, unpriced_hours, payoff_usd}. Hours of the
     * period without a price at source or sink (an infeasible hour, a missing node) are
     * counted as unpriced and pay nothing.
     */
    public static Dataset<Row> totals(Dataset<Row> holdings, Dataset<Row> hourly,
            PriceBasis basis) {
        // Renamed, because hourly rows derive from the holdings and the join would otherwise
        // be a self-join whose two holding_id columns Spark cannot tell apart.
        Dataset<Row> settled = hourly.groupBy(col("holding_id").as("settled_holding_id"))
                .agg(count(lit(1)).as("settled_hours"), sum("payoff_usd").as("payoff_usd"));
        Column settledHours = coalesce(col("settled_hours"), lit(0L));
        return holdings.join(settled, col("holding_id").equalTo(col("settled_holding_id")),
                        "left")
                .drop("settled_holding_id")
                .select(col("holding_id"), col("source"), col("sink"), col("mw"),
                        col("holding_type"), lit(basis.label()).as("price_basis"),
                        col("period_hours"), settledHours.as("settled_hours"),
                        col("period_hours").minus(settledHours).as("unpriced_hours"),
                        coalesce(col("payoff_usd"), lit(0.0)).as("payoff_usd"))
                .orderBy("holding_id");
    }

    /**
     * Returns revenue adequacy per hour: the congestion rent collected against the payoffs
     * of every holding, {@code interval_start_utc, congestion_rent_usd, payoff_usd,
     * surplus_usd, adequate}. {@code congestionRent} has one row per hour with
     * {@code congestion_rent_usd}. Hours with rent but no holding show a zero payoff.
     */
    public static Dataset<Row> adequacy(Dataset<Row> hourly, Dataset<Row> congestionRent) {
        Dataset<Row> payoffs = hourly.groupBy(col("interval_start_utc").as("payoff_hour_utc"))
                .agg(sum("payoff_usd").as("payoff_usd"));
        Column payoff = coalesce(col("payoff_usd"), lit(0.0));
        return congestionRent.join(payoffs, col("interval_start_utc")
                        .equalTo(col("payoff_hour_utc")), "left")
                .drop("payoff_hour_utc")
                .select(col("interval_start_utc"), col("congestion_rent_usd"),
                        payoff.as("payoff_usd"),
                        col("congestion_rent_usd").minus(payoff).as("surplus_usd"),
                        col("congestion_rent_usd").geq(payoff.minus(lit(1e-6))).as("adequate"))
                .orderBy("interval_start_utc");
    }
}
