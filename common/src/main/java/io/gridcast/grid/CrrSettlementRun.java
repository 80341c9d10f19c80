package io.gridcast.grid;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.ingest.RejectedRow;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Settles a file of CRR holdings on the prices of a solved network case (the {@code lmp}
 * table) or on an ISO's day-ahead settlement point prices ({@code price_hourly}), and
 * publishes {@code crr_settlement}, {@code crr_settlement_totals} and, for a case, the
 * hourly revenue adequacy in {@code congestion_rent}. Rejected holdings go to
 * {@code rejects}.
 */
public final class CrrSettlementRun {

    /** Name of the job in {@code rejects}. */
    public static final String JOB = "settle-crr";

    /**
     * Source of the prices: a case of the {@code lmp} table or an ISO's day-ahead
     * prices. Exactly one of the two is set.
     *
     * @param caseName network case solved by {@code compute lmp}, or null
     * @param iso market operator of {@code price_hourly}, e.g. ERCOT, or null
     */
    public record PriceSource(String caseName, String iso) {

        /** Returns the market label of the settlement rows: the case or the ISO. */
        public String market() {
            return caseName != null ? caseName : iso;
        }
    }

    /**
     * Counts and totals of one settlement run.
     *
     * @param market case or ISO of the prices
     * @param basis price the rights settled on
     * @param rowsRead data rows of the holdings file
     * @param holdings holdings accepted
     * @param rejected rows rejected
     * @param hourlyRows hourly settlement rows published
     * @param payoffUsd payoffs of every accepted holding over its period
     * @param unpricedHours holding hours without a price at source or sink
     * @param rentUsd congestion rent over the hours of the case, or NaN for an ISO
     * @param inadequateHours hours whose rent falls short of the payoffs, or -1 for an ISO
     * @param totals rows of {@code crr_settlement_totals}, by holding id
     */
    public record Summary(String market, CrrSettlement.PriceBasis basis, long rowsRead,
            int holdings, int rejected, long hourlyRows, double payoffUsd, long unpricedHours,
            double rentUsd, long inadequateHours, List<Row> totals) {
    }

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final Settings settings;
    private final String runId;
    private final Instant runTime;

    public CrrSettlementRun(SparkSession spark, TableCatalog catalog, Settings settings,
            String runId, Instant runTime) {
        this.spark = spark;
        this.catalog = catalog;
        this.settings = settings;
        this.runId = runId;
        this.runTime = runTime;
    }

    /**
     * Settles the holdings in {@code holdingsUri} on {@code source}'s prices, on
     * {@code basis} or, when it is null, on the market's {@code crr.price-basis} setting.
     */
    public Summary run(String holdingsUri, PriceSource source, CrrSettlement.PriceBasis basis) {
        CrrSettlement.PriceBasis priceBasis = basis != null ? basis : basisSetting(source);
        Dataset<Row> prices = nodePrices(source, priceBasis).cache();
        List<String> lines = lines(holdingsUri);
        CrrHoldingsReader.Parsed parsed = knownNodes(CrrHoldingsReader.read(lines, holdingsUri),
                prices, source, holdingsUri, lines);
        Dataset<Row> holdings = CrrSettlement.holdings(spark, parsed.holdings()).cache();

        Dataset<Row> hourly = CrrSettlement.hourly(holdings, prices, priceBasis)
                .withColumn("market", lit(source.market())).withColumn("run_id", lit(runId))
                .cache();
        Dataset<Row> totals = CrrSettlement.totals(holdings, hourly, priceBasis)
                .withColumn("market", lit(source.market())).withColumn("run_id", lit(runId))
                .cache();
        Dataset<Row> adequacy = source.caseName() == null ? null
                : CrrSettlement.adequacy(hourly, congestionRent(source.caseName()))
                        .withColumn("market", lit(source.market()))
                        .withColumn("run_id", lit(runId)).cache();

        publish(source, parsed, hourly, totals, adequacy, holdingsUri);
        return summary(source, priceBasis, parsed, hourly, totals, adequacy);
    }

    /** Moves holdings whose source or sink has no price at all to the rejects. */
    private static CrrHoldingsReader.Parsed knownNodes(CrrHoldingsReader.Parsed parsed,
            Dataset<Row> prices, PriceSource source, String holdingsUri, List<String> lines) {
        java.util.Set<String> nodes = new java.util.HashSet<>(prices.select("node").distinct()
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        if (nodes.isEmpty()) {
            throw new InvalidInputException(source.caseName() != null
                    ? "No LMPs of case " + source.caseName() + ": run gridcast compute lmp "
                            + "--case FILE for it first"
                    : "No day-ahead prices of " + source.iso() + " in price_hourly: ingest "
                            + "them first, e.g. gridcast ingest ercot --report dam-spp");
        }
        List<CrrHolding> known = new java.util.ArrayList<>();
        List<RejectedRow> rejects = new java.util.ArrayList<>(parsed.rejects());
        String where = source.caseName() != null ? "a bus of case " + source.caseName()
                : "a settlement point of " + source.iso();
        for (CrrHolding holding : parsed.holdings()) {
            String unknown = !nodes.contains(holding.sourceNode()) ? holding.sourceNode()
                    : !nodes.contains(holding.sinkNode()) ? holding.sinkNode() : null;
            if (unknown == null) {
                known.add(holding);
            } else {
                int line = lineOf(lines, holding.holdingId());
                rejects.add(new RejectedRow(holdingsUri, line, lines.get(line - 1),
                        "node " + unknown + " is not " + where + " with prices"));
            }
        }
        return new CrrHoldingsReader.Parsed(known, rejects, parsed.rowsRead(),
                parsed.fileIds());
    }

    /** Returns the 1-based line of the holding {@code id}: the first row that names it. */
    private static int lineOf(List<String> lines, String id) {
        for (int i = 1; i < lines.size(); i++) {
            if (java.util.Arrays.asList(lines.get(i).split(",", -1)).stream().map(String::trim)
                    .anyMatch(id::equals)) {
                return i + 1;
            }
        }
        return 1;
    }

    private CrrSettlement.PriceBasis basisSetting(PriceSource source) {
        String key = "crr.price-basis." + source.market();
        String text = settings.has(key) ? settings.string(key)
                : settings.string("crr.default-price-basis");
        return CrrSettlement.PriceBasis.parse(text, settings.has(key) ? key
                : "crr.default-price-basis");
    }

    private Dataset<Row> nodePrices(PriceSource source, CrrSettlement.PriceBasis basis) {
        if (source.caseName() != null) {
            requireTable(Tables.LMP.name(), "run gridcast compute lmp first");
            String price = basis == CrrSettlement.PriceBasis.LMP ? "lmp_usd_per_mwh"
                    : "congestion_usd_per_mwh";
            return catalog.read(Tables.LMP.name())
                    .filter(col("case_name").equalTo(source.caseName()))
                    .select(col("bus_id").cast("string").as("node"), col("interval_start_utc"),
                            col(price).as("price_usd_per_mwh"));
        }
        if (basis == CrrSettlement.PriceBasis.CONGESTION) {
            throw new InvalidInputException("price_hourly has settlement point prices of "
                    + source.iso() + " without a congestion component: settle on lmp "
                    + "(--price-basis lmp), as ERCOT's CRRs do");
        }
        requireTable(Tables.PRICE_HOURLY.name(),
                "ingest day-ahead prices first, e.g. gridcast ingest ercot --report dam-spp");
        return catalog.read(Tables.PRICE_HOURLY.name())
                .filter(col("iso").equalTo(source.iso()).and(col("market_run").equalTo("DAM")))
                .select(col("settlement_point").as("node"), col("interval_start_utc"),
                        col("price_usd_per_mwh"));
    }

    private void requireTable(String table, String advice) {
        if (!spark.catalog().tableExists(catalog.qualified(table))) {
            throw new InvalidInputException("Table " + catalog.qualified(table)
                    + " not found: " + advice);
        }
    }

    private Dataset<Row> congestionRent(String caseName) {
        return catalog.read(Tables.BRANCH_FLOW.name())
                .filter(col("case_name").equalTo(caseName))
                .groupBy("interval_start_utc")
                .agg(sum("congestion_rent_usd").as("congestion_rent_usd"));
    }

    private void publish(PriceSource source, CrrHoldingsReader.Parsed parsed,
            Dataset<Row> hourly, Dataset<Row> totals, Dataset<Row> adequacy, String holdingsUri) {
        // A holding rejected this time loses its earlier rows too, so no stale payoff remains.
        String slice = "t.market = " + TableCatalog.sqlString(source.market())
                + " AND t.holding_id IN " + TableCatalog.sqlList(List.copyOf(parsed.fileIds()));
        if (!parsed.fileIds().isEmpty()) {
            catalog.replace(Tables.CRR_SETTLEMENT, hourly, slice);
            catalog.replace(Tables.CRR_SETTLEMENT_TOTALS, totals, slice);
        }
        if (adequacy != null) {
            catalog.replace(Tables.CONGESTION_RENT, adequacy,
                    "t.market = " + TableCatalog.sqlString(source.market()));
        }
        catalog.replace(Tables.REJECTS, rejects(parsed.rejects()), "t.job = "
                + TableCatalog.sqlString(JOB) + " AND t.source_file = "
                + TableCatalog.sqlString(holdingsUri));
    }

    private Dataset<Row> rejects(List<RejectedRow> rejected) {
        return spark.createDataFrame(rejected.stream().map(RejectedRow::toRow).toList(),
                        RejectedRow.SCHEMA)
                .withColumn("job", lit(JOB)).withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(Timestamp.from(runTime)));
    }

    private static Summary summary(PriceSource source, CrrSettlement.PriceBasis basis,
            CrrHoldingsReader.Parsed parsed, Dataset<Row> hourly, Dataset<Row> totals,
            Dataset<Row> adequacy) {
        List<Row> totalRows = totals.collectAsList();
        double payoffUsd = totalRows.stream().mapToDouble(r -> r.getAs("payoff_usd")).sum();
        long unpriced = totalRows.stream().mapToLong(r -> r.<Long>getAs("unpriced_hours")).sum();
        double rentUsd = Double.NaN;
        long inadequate = -1;
        if (adequacy != null) {
            Row rent = adequacy.agg(sum("congestion_rent_usd"),
                    sum(col("adequate").cast("int"))).first();
            long hours = adequacy.count();
            rentUsd = rent.isNullAt(0) ? 0.0 : rent.getDouble(0);
            inadequate = hours - (rent.isNullAt(1) ? 0L : rent.getLong(1));
        }
        return new Summary(source.market(), basis, parsed.rowsRead(), parsed.holdings().size(),
                parsed.rejects().size(), hourly.count(), payoffUsd, unpriced, rentUsd,
                inadequate, totalRows);
    }

    private List<String> lines(String uri) {
        Path path = new Path(uri);
        try (InputStream in = path.getFileSystem(spark.sparkContext().hadoopConfiguration())
                .open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read the CRR holdings " + uri + ": "
                    + e.getMessage(), e);
        }
    }
}
