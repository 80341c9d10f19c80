package io.gridcast.ingest;

import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;

import io.gridcast.io.InputFiles;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads epftoolbox day-ahead price datasets into {@code price_inputs_hourly} and
 * {@code rejects}. Files are parsed and copies handled as {@link ReportIngest} does: exact
 * copies of a row are dropped and counted, and rows of one hour with different values are all
 * rejected. Then every delivery day with fewer than 24 accepted hours is rejected whole, so
 * daily price models never see a partial day.
 */
public final class EpfDatasetIngest {

    /** Name of the ingest job in {@code rejects}. */
    public static final String JOB = "prices";

    /** Hours of every delivery day, since the datasets regularise DST days to 24 hours. */
    static final int HOURS_PER_DAY = 24;

    private static final Logger LOG = LoggerFactory.getLogger(EpfDatasetIngest.class);

    private static final List<String> KEY = Tables.PRICE_INPUTS_HOURLY.keyColumns();
    private static final List<String> VALUES = List.of("price_per_mwh", "currency",
            "exogenous_1", "exogenous_2", "exogenous_1_name", "exogenous_2_name");

    /**
     * The days of one market that a read accepted.
     *
     * @param hours rows accepted, 24 per day
     * @param missingHours hours absent between the first and last day, such as those of
     *     rejected days
     */
    public record MarketSpan(String market, String currency, LocalDate firstDay,
            LocalDate lastDay, long hours, long missingHours) {

        public long days() {
            return hours / HOURS_PER_DAY;
        }
    }

    /**
     * The outcome of reading.
     *
     * @param sources names of the CSVs read, as {@code source_file} gives them
     * @param tableRows rows with the columns of {@code price_inputs_hourly}, whole days only
     * @param rejects rows with the columns of {@code rejects}
     * @param markets accepted days per market, by market name
     */
    public record Result(List<String> files, List<String> sources, Dataset<Row> tableRows,
            Dataset<Row> rejects, IngestCounts counts, List<MarketSpan> markets) {

        public boolean isEmpty() {
            return markets.isEmpty();
        }
    }

    private final SparkSession spark;

    public EpfDatasetIngest(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Checks the market and currency options of {@link #read} before any file is read.
     *
     * @throws IllegalArgumentException naming an invalid value
     */
    public static void checkOptions(String market, String currency) {
        if (market != null) {
            EpfDatasetLayout.checkMarket(market);
        }
        if (currency != null) {
            EpfDatasetLayout.checkCurrency(currency);
        }
    }

    /**
     * Reads every {@code .csv}, {@code .csv.gz} and {@code .zip} file at {@code input}.
     *
     * @param market market of every file; null to name each file's market by its name stem
     *     upper-cased ({@code DE.csv.gz} is DE)
     * @param currency currency of every file's prices; null for the market's own (EUR for DE,
     *     USD for PJM), which fails a file of another market
     * @throws IllegalArgumentException if {@code market} or {@code currency} is invalid
     * @throws InvalidInputException if no file is found or a file cannot be read at all
     */
    public Result read(String input, String market, String currency, String runId,
            Instant runTime) {
        EpfDatasetLayout layout = new EpfDatasetLayout(
                market == null ? null : EpfDatasetLayout.checkMarket(market),
                currency == null ? null : EpfDatasetLayout.checkCurrency(currency));
        List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), input,
                List.of(".csv", ".csv.gz", ".zip"));
        LOG.info("Reading {} {} file(s) from {}", files.size(), layout.description(), input);

        Dataset<Row> parsed = new ReportIngest(spark).parse(layout, files).cache();
        Row totals = parsed.agg(count(lit(1)), count("reason")).first();
        long rowsRead = totals.getLong(0);
        long parseRejected = totals.getLong(1);
        List<String> sources = parsed.select("source_file").distinct().orderBy("source_file")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();

        Copies.Split copies = Copies.split(parsed.filter(col("reason").isNull()).drop("reason"),
                KEY, VALUES);
        Dataset<Row> marked = withDayHours(copies.kept()).cache();
        Dataset<Row> wholeDays = marked.filter(col("day_hours").equalTo(HOURS_PER_DAY));
        Dataset<Row> partialDays = marked.filter(col("day_hours").lt(HOURS_PER_DAY));
        long partialDayRows = partialDays.count();

        Dataset<Row> tableRows = wholeDays.withColumn("run_id", lit(runId))
                .select(columns(Tables.PRICE_INPUTS_HOURLY.columnNames()));
        Dataset<Row> rejects = parsed.filter(col("reason").isNotNull())
                .select(col("source_file"), col("source_line").as("line_number"),
                        col("raw_line"), col("reason"))
                .unionByName(ReportIngest.conflictRejects(copies.conflicts(), KEY))
                .unionByName(partialDayRejects(partialDays))
                .withColumn("job", lit(JOB))
                .withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(runTime));

        List<MarketSpan> markets = marketSpans(tableRows);
        long accepted = rowsRead - parseRejected - copies.duplicates() - copies.conflictRows()
                - partialDayRows;
        IngestCounts counts = new IngestCounts(rowsRead, accepted,
                parseRejected + copies.conflictRows() + partialDayRows, copies.duplicates(),
                markets.stream().mapToLong(MarketSpan::missingHours).sum());
        return new Result(files, sources, tableRows, rejects, counts, markets);
    }

    /**
     * Adds to each row {@code day_hours}, the distinct hours of its market and delivery day,
     * and {@code missing_hours}, the hours ending absent from that day as text ("5, 6").
     */
    private static Dataset<Row> withDayHours(Dataset<Row> rows) {
        WindowSpec day = Window.partitionBy("market", "delivery_date");
        return rows
                .withColumn("day_hours", count(lit(1)).over(day))
                .withColumn("missing_hours", array_join(array_except(
                        sequence(lit(1), lit(HOURS_PER_DAY)),
                        collect_set("hour_ending").over(day)), ", "));
    }

    private static Dataset<Row> partialDayRejects(Dataset<Row> partialDays) {
        return partialDays.select(
                col("source_file"),
                col("source_line").as("line_number"),
                col("raw_line"),
                format_string("Incomplete day %s %s: %d of " + HOURS_PER_DAY + " hours, hours "
                        + "ending %s missing; the day's rows are rejected", col("market"),
                        col("delivery_date").cast("string"), col("day_hours"),
                        col("missing_hours")).as("reason"));
    }

    private static List<MarketSpan> marketSpans(Dataset<Row> tableRows) {
        return tableRows.groupBy("market")
                .agg(first("currency"), min("delivery_date"), max("delivery_date"),
                        count(lit(1)))
                .orderBy("market").collectAsList().stream()
                .map(row -> {
                    LocalDate firstDay = row.getAs(2);
                    LocalDate lastDay = row.getAs(3);
                    long spanHours = HOURS_PER_DAY
                            * (ChronoUnit.DAYS.between(firstDay, lastDay) + 1);
                    return new MarketSpan(row.getString(0), row.getString(1), firstDay,
                            lastDay, row.getLong(4), spanHours - row.getLong(4));
                })
                .toList();
    }

    /**
     * Publishes the rows read, then the rejects, one commit each. Rows read are inserted or
     * update the stored row of their market, day and hour. A stored row is deleted only when
     * it came from a file read again and lies between the new copy's first and last day, so
     * re-reading a damaged copy of a file also removes the days that the copy lacks.
     */
    public void publish(TableCatalog catalog, Result result) {
        if (!result.isEmpty()) {
            catalog.replace(Tables.PRICE_INPUTS_HOURLY, result.tableRows(),
                    replacedSlice(result));
        }
        catalog.replace(Tables.REJECTS, result.rejects(), "t.job = "
                + TableCatalog.sqlString(JOB) + " AND t.source_file IN "
                + TableCatalog.sqlList(result.sources()));
    }

    private static String replacedSlice(Result result) {
        LocalDate firstDay = result.markets().stream().map(MarketSpan::firstDay)
                .min(LocalDate::compareTo).orElseThrow();
        LocalDate lastDay = result.markets().stream().map(MarketSpan::lastDay)
                .max(LocalDate::compareTo).orElseThrow();
        return "t.market IN " + TableCatalog.sqlList(result.markets().stream()
                        .map(MarketSpan::market).toList())
                + " AND t.delivery_date BETWEEN DATE '" + firstDay + "' AND DATE '" + lastDay
                + "' AND t.source_file IN " + TableCatalog.sqlList(result.sources());
    }

    private static org.apache.spark.sql.Column[] columns(List<String> names) {
        return names.stream().map(name -> col(name))
                .toArray(org.apache.spark.sql.Column[]::new);
    }
}
