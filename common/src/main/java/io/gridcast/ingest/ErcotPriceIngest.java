package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.gridcast.io.InputFiles;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.time.Instant;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads ERCOT day-ahead settlement point price files (CSV, gzip or ZIP, daily MIS reports and
 * yearly archives) into {@code price_hourly} rows and {@code rejects}.
 *
 * <p>The same price posted in two files is stored once; copies of a settlement point and hour
 * with different prices are all rejected. Publishing replaces the hours read for the settlement
 * points read, in one commit, so re-running over the same input adds no row.
 */
public final class ErcotPriceIngest {

    public static final String JOB = "ercot-dam-spp";

    private static final Logger LOG = LoggerFactory.getLogger(ErcotPriceIngest.class);
    private static final List<String> KEY =
            List.of("iso", "market_run", "settlement_point", "interval_start_utc");

    private static final StructType PARSED_SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("market_run", DataTypes.StringType, false)
            .add("settlement_point", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("price_usd_per_mwh", DataTypes.DoubleType, false)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.LongType, false)
            .add("raw_line", DataTypes.StringType, false);


    /**
     * The outcome of reading.
     *
     * @param files URIs of the files read
     * @param sources names of the CSVs read, as {@code source_file} gives them (a ZIP member is
     *     {@code <zip URI>!/<member>})
     * @param settlementPoints settlement points with at least one accepted row
     * @param hoursPerOperatingDay number of distinct hours per operating date, across all
     *     settlement points (23 on spring-forward days, 25 on fall-back days)
     */
    public record Result(List<String> files, List<String> sources, Dataset<Row> priceHourly,
            Dataset<Row> rejects,
            IngestCounts counts, List<String> settlementPoints, Instant firstHourUtc,
            Instant lastHourUtc, Dataset<Row> hoursPerOperatingDay) {
    }

    private final SparkSession spark;

    public ErcotPriceIngest(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Reads every {@code .csv}, {@code .csv.gz} and {@code .zip} file at {@code input}.
     *
     * @throws InvalidInputException if no file is found or a file cannot be read at all
     */
    public Result read(String input, String runId, Instant runTime) {
        List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), input,
                List.of(".csv", ".csv.gz", ".zip"));
        LOG.info("Reading {} ERCOT DAM price file(s) from {}", files.size(), input);

        JavaRDD<ParsedFile<PriceRecord>> parsed = SourceFiles.parse(spark, files,
                (source, lines) -> new ErcotDamPriceParser().parse(source, lines)).cache();
        Dataset<Row> acceptedRows = spark.createDataFrame(
                parsed.flatMap(file -> file.accepted().iterator()).map(ErcotPriceIngest::toRow),
                PARSED_SCHEMA);
        Dataset<Row> parseRejects = spark.createDataFrame(
                parsed.flatMap(file -> file.rejected().iterator()).map(RejectedRow::toRow),
                RejectedRow.SCHEMA);

        Dataset<Row> ranked = Copies.rank(acceptedRows, KEY, List.of("price_usd_per_mwh")).cache();
        long duplicates = ranked.filter(Copies.DUPLICATE).count();
        Dataset<Row> priceHourly = ranked.filter(Copies.KEPT)
                .withColumn("interval_end_utc", expr("interval_start_utc + INTERVAL 1 HOUR"))
                .withColumn("run_id", lit(runId))
                .select(Tables.PRICE_HOURLY.columnNames().stream().map(c -> col(c))
                        .toArray(org.apache.spark.sql.Column[]::new))
                .cache();
        Dataset<Row> rejects = parseRejects
                .unionByName(conflictRejects(ranked.filter(Copies.CONFLICT)))
                .withColumn("job", lit(JOB))
                .withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(runTime))
                .cache();

        long rowsRead = parsed.map(ParsedFile::rowsRead).fold(0L, Long::sum);
        Row bounds = priceHourly.agg(min("interval_start_utc"), max("interval_start_utc")).first();
        List<String> points = priceHourly.select("settlement_point").distinct()
                .orderBy("settlement_point").as(Encoders.STRING()).collectAsList();
        IngestCounts counts = new IngestCounts(rowsRead, priceHourly.count(), rejects.count(),
                duplicates, missingHours(priceHourly));
        List<String> sources = parsed.map(ParsedFile::sourceFile).collect();
        return new Result(files, sources, priceHourly, rejects, counts, points,
                bounds.isNullAt(0) ? null : bounds.getAs(0),
                bounds.isNullAt(1) ? null : bounds.getAs(1),
                priceHourly.groupBy("operating_date")
                        .agg(countDistinct("interval_start_utc").as("hours"))
                        .orderBy("operating_date"));
    }

    /** Publishes {@code price_hourly} for the points and hours read, then the rejects. */
    public void publish(TableCatalog catalog, Result result) {
        if (!result.settlementPoints().isEmpty()) {
            catalog.replace(Tables.PRICE_HOURLY, result.priceHourly(), "t.iso = 'ERCOT'"
                    + " AND t.market_run = 'DAM'"
                    + " AND t.settlement_point IN "
                    + TableCatalog.sqlList(result.settlementPoints())
                    + " AND t.interval_start_utc BETWEEN "
                    + TableCatalog.timestampLiteral(result.firstHourUtc())
                    + " AND " + TableCatalog.timestampLiteral(result.lastHourUtc()));
        }
        catalog.replace(Tables.REJECTS, result.rejects(), "t.job = " + TableCatalog.sqlString(JOB)
                + " AND t.source_file IN " + TableCatalog.sqlList(result.sources()));
    }

    /**
     * Counts hours absent from the operating days read: for each settlement point and operating
     * day with at least one row, the hours of that day (23, 24 or 25 in Central prevailing
     * time) minus the hours present. Days without any row for a point are not counted, since
     * reports cover separate days and points enter and leave the market.
     */
    private static long missingHours(Dataset<Row> priceHourly) {
        Row total = priceHourly.groupBy("settlement_point", "operating_date")
                .agg(count(lit(1)).as("hours"))
                .select(expr("(unix_seconds(to_utc_timestamp(date_add(operating_date, 1), "
                        + "'America/Chicago')) - unix_seconds(to_utc_timestamp(operating_date, "
                        + "'America/Chicago'))) DIV 3600 - hours").as("missing"))
                .agg(sum("missing")).first();
        return total.isNullAt(0) ? 0 : total.getLong(0);
    }

    private static Dataset<Row> conflictRejects(Dataset<Row> conflicts) {
        return conflicts.select(
                col("source_file"),
                col("source_line").as("line_number"),
                col("raw_line"),
                format_string("Conflicting duplicate: %d rows for %s %s hour starting %s UTC "
                                + "have different prices",
                        col("copies"), col("market_run"), col("settlement_point"),
                        date_format(col("interval_start_utc"), "yyyy-MM-dd HH:mm"))
                        .as("reason"));
    }


    private static Row toRow(PriceRecord record) {
        return RowFactory.create(record.iso(), record.marketRun(), record.settlementPoint(),
                record.intervalStartUtc(), record.marketHour().operatingDate(),
                record.marketHour().hourEnding(), record.marketHour().dstFlag(),
                record.priceUsdPerMwh(), record.sourceFile(), record.lineNumber(),
                record.rawLine());
    }

}
