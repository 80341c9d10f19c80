package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.gridcast.io.InputFiles;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads PJM hourly load files into {@code load_hourly} rows and {@code rejects}.
 *
 * <p>Files are parsed one per task, so line numbers and the file order of repeated fall-back
 * labels are kept. Rows with the same zone and hour are then resolved across all files: exact
 * copies are dropped and counted, and copies with different values are all rejected, leaving
 * that hour missing rather than picking one.
 */
public final class PjmLoadIngest {

    public static final String JOB = "pjm-load";

    private static final Logger LOG = LoggerFactory.getLogger(PjmLoadIngest.class);
    private static final int MISSING_HOURS_LOGGED = 10;

    private static final StructType PARSED_SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("zone", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("load_mw", DataTypes.DoubleType, false)
            .add("is_verified", DataTypes.BooleanType, true)
            .add("source_file", DataTypes.StringType, false)
            .add("source_line", DataTypes.LongType, false)
            .add("raw_line", DataTypes.StringType, false);


    /**
     * The outcome of reading: rows to publish, rejects and counts.
     *
     * @param sources names of the CSVs read, as {@code source_file} gives them (a ZIP member is
     *     {@code <zip URI>!/<member>})
     * @param loadHourly rows with the columns of {@code load_hourly}, unique per key
     * @param rejects rows with the columns of {@code rejects}
     * @param seriesPeriods first and last hour per series, the slice a publish replaces
     */
    public record Result(List<String> files, List<String> sources, Dataset<Row> loadHourly,
            Dataset<Row> rejects,
            IngestCounts counts, List<SeriesPeriod> seriesPeriods, List<Instant> missingHours) {
    }

    /** First and last hour start of one series in the input. */
    public record SeriesPeriod(String iso, String zone, Instant firstHourUtc, Instant lastHourUtc,
            long hours, long missingHours) {
    }

    private final SparkSession spark;

    public PjmLoadIngest(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Reads every {@code .csv}, {@code .csv.gz} and {@code .zip} file at {@code input}.
     *
     * @throws InvalidInputException if no file is found or a file has an unknown layout
     */
    public Result read(String input, String runId, Instant runTime) {
        List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), input,
                List.of(".csv", ".csv.gz", ".zip"));
        LOG.info("Reading {} PJM load file(s) from {}", files.size(), input);

        JavaRDD<ParsedFile<LoadRecord>> parsed = parseFiles(files).cache();
        Dataset<Row> acceptedRows = spark.createDataFrame(
                parsed.flatMap(file -> file.accepted().iterator()).map(PjmLoadIngest::toRow),
                PARSED_SCHEMA);
        Dataset<Row> parseRejects = spark.createDataFrame(
                parsed.flatMap(file -> file.rejected().iterator()).map(RejectedRow::toRow),
                RejectedRow.SCHEMA);

        Copies.Split copies = Copies.split(acceptedRows,
                List.of("iso", "zone", "interval_start_utc"), List.of("load_mw", "is_verified"));
        Dataset<Row> kept = copies.kept();
        Dataset<Row> conflicts = copies.conflicts();
        long duplicates = copies.duplicates();

        Dataset<Row> loadHourly = canonicalRows(kept, runId).cache();
        Dataset<Row> rejects = parseRejects.unionByName(conflictRejects(conflicts))
                .withColumn("job", lit(JOB))
                .withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(runTime))
                .cache();

        List<SeriesPeriod> periods = seriesPeriods(loadHourly);
        List<Instant> missing = missingHours(loadHourly);
        long rowsRead = parsed.map(ParsedFile::rowsRead).fold(0L, Long::sum);
        long accepted = loadHourly.count();
        IngestCounts counts = new IngestCounts(rowsRead, accepted, rejects.count(), duplicates,
                periods.stream().mapToLong(SeriesPeriod::missingHours).sum());
        logMissingHours(missing, counts.missingIntervals());
        List<String> sources = parsed.map(ParsedFile::sourceFile).collect();
        return new Result(files, sources, loadHourly, rejects, counts, periods, missing);
    }

    /** Publishes {@code load_hourly} for the periods read, then the rejects of these files. */
    public void publish(TableCatalog catalog, Result result) {
        if (!result.seriesPeriods().isEmpty()) {
            catalog.replace(Tables.LOAD_HOURLY, result.loadHourly(),
                    replacedSlice(result.seriesPeriods()));
        }
        catalog.replace(Tables.REJECTS, result.rejects(), "t.job = " + TableCatalog.sqlString(JOB)
                + " AND t.source_file IN " + TableCatalog.sqlList(result.sources()));
    }

    private JavaRDD<ParsedFile<LoadRecord>> parseFiles(List<String> files) {
        return SourceFiles.parse(spark, files,
                (source, lines) -> new PjmLoadParser().parse(source, lines));
    }

    private static Dataset<Row> canonicalRows(Dataset<Row> kept, String runId) {
        return kept
                .withColumn("interval_end_utc", expr("interval_start_utc + INTERVAL 1 HOUR"))
                .withColumn("run_id", lit(runId))
                .select(Tables.LOAD_HOURLY.columnNames().stream()
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new));
    }

    private static Dataset<Row> conflictRejects(Dataset<Row> conflicts) {
        return conflicts.select(
                col("source_file"),
                col("source_line").as("line_number"),
                col("raw_line"),
                format_string("Conflicting duplicate: %d rows for %s %s hour starting %s UTC "
                                + "have different load_mw or is_verified values",
                        col("copies"), col("iso"), col("zone"),
                        date_format(col("interval_start_utc"), "yyyy-MM-dd HH:mm"))
                        .as("reason"));
    }

    private static List<SeriesPeriod> seriesPeriods(Dataset<Row> loadHourly) {
        List<SeriesPeriod> periods = new ArrayList<>();
        for (Row row : loadHourly.groupBy("iso", "zone")
                .agg(min("interval_start_utc").as("first"), max("interval_start_utc").as("last"),
                        count(lit(1)).as("hours"))
                .orderBy("iso", "zone").collectAsList()) {
            Instant first = row.getAs("first");
            Instant last = row.getAs("last");
            long hours = row.getAs("hours");
            long expected = java.time.Duration.between(first, last).toHours() + 1;
            periods.add(new SeriesPeriod(row.getAs("iso"), row.getAs("zone"), first, last, hours,
                    expected - hours));
        }
        return periods;
    }

    private List<Instant> missingHours(Dataset<Row> loadHourly) {
        Dataset<Row> expected = loadHourly.groupBy("iso", "zone")
                .agg(min("interval_start_utc").as("first"), max("interval_start_utc").as("last"))
                .select(col("iso"), col("zone"), org.apache.spark.sql.functions.explode(
                        expr("sequence(first, last, INTERVAL 1 HOUR)")).as("interval_start_utc"));
        return expected.join(loadHourly, expected.col("iso").equalTo(loadHourly.col("iso"))
                        .and(expected.col("zone").equalTo(loadHourly.col("zone")))
                        .and(expected.col("interval_start_utc")
                                .equalTo(loadHourly.col("interval_start_utc"))), "left_anti")
                .select("interval_start_utc")
                .orderBy("interval_start_utc")
                .limit(MISSING_HOURS_LOGGED)
                .as(org.apache.spark.sql.Encoders.INSTANT())
                .collectAsList();
    }

    private static void logMissingHours(List<Instant> firstMissing, long missingHours) {
        if (missingHours > 0) {
            LOG.warn("{} hour(s) missing from the input, not filled; first: {}", missingHours,
                    firstMissing);
        }
    }

    private static String replacedSlice(List<SeriesPeriod> periods) {
        List<String> slices = new ArrayList<>();
        for (SeriesPeriod period : periods) {
            slices.add("(t.iso = " + TableCatalog.sqlString(period.iso())
                    + " AND t.zone = " + TableCatalog.sqlString(period.zone())
                    + " AND t.interval_start_utc BETWEEN "
                    + TableCatalog.timestampLiteral(period.firstHourUtc())
                    + " AND " + TableCatalog.timestampLiteral(period.lastHourUtc()) + ")");
        }
        return String.join(" OR ", slices);
    }


    private static Row toRow(LoadRecord record) {
        return RowFactory.create(record.iso(), record.zone(), record.intervalStartUtc(),
                record.marketHour().operatingDate(), record.marketHour().hourEnding(),
                record.marketHour().dstFlag(), record.loadMw(), record.isVerified(),
                record.sourceFile(), record.lineNumber(), record.rawLine());
    }

}
