package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
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
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
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
 * Reads the files of one report into its table and {@code rejects}: lists the input, parses
 * every CSV (plain, gzip or in a ZIP) in a Spark task with the report's layout, drops exact
 * copies, rejects conflicting copies, counts missing intervals, and publishes in one commit per
 * table. Publishing replaces, for the series read, exactly the operating days read, so
 * re-running over the same input changes nothing.
 */
public final class ReportIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIngest.class);

    /**
     * What one report is and where it goes.
     *
     * @param job name of the job in {@code rejects}, e.g. {@code ercot-rt-spp}
     * @param key columns of the parsed rows that identify one value; copies share a key
     * @param values parsed columns compared between copies
     * @param seriesColumns table columns that name one series, e.g. settlement point and type
     * @param intervalsPerHour 1 for hourly tables, 4 for 15-minute ones
     * @param tableRows turns kept parsed rows into table rows (adds interval ends, explodes
     *     wide rows); {@code run_id} is added afterwards
     */
    public record Report(String job, ReportLayout layout, TableDefinition table,
            List<String> key, List<String> values, List<String> seriesColumns,
            int intervalsPerHour, UnaryOperator<Dataset<Row>> tableRows) {
    }

    /**
     * The outcome of reading.
     *
     * @param files URIs of the files read
     * @param sources names of the CSVs read, as {@code source_file} gives them (a ZIP member is
     *     {@code <zip URI>!/<member>})
     * @param tableRows rows with the table's columns, unique per key
     * @param publishedRows rows of {@code tableRows}; more than {@code counts.accepted()} when a
     *     source line holds several series
     * @param series distinct values of each series column, the slice a publish replaces
     * @param operatingDates operating days with at least one accepted row
     * @param intervalsPerOperatingDay distinct intervals per operating day across all series
     *     (23, 24 or 25 hours' worth)
     */
    public record Result(Report report, List<String> files, List<String> sources,
            Dataset<Row> tableRows, Dataset<Row> rejects, IngestCounts counts,
            long publishedRows, Map<String, List<String>> series, List<String> operatingDates,
            Instant firstIntervalUtc, Instant lastIntervalUtc,
            Dataset<Row> intervalsPerOperatingDay) {

        public boolean isEmpty() {
            return operatingDates.isEmpty();
        }
    }

    private final SparkSession spark;

    public ReportIngest(SparkSession spark) {
        this.spark = spark;
    }

    /**
     * Reads every {@code .csv}, {@code .csv.gz} and {@code .zip} file at {@code input}.
     *
     * @throws InvalidInputException if no file is found or a file cannot be read at all
     */
    public Result read(Report report, String input, String runId, Instant runTime) {
        List<String> files = InputFiles.list(spark.sparkContext().hadoopConfiguration(), input,
                List.of(".csv", ".csv.gz", ".zip"));
        LOG.info("Reading {} {} file(s) from {}", files.size(), report.layout().description(),
                input);

        ReportLayout layout = report.layout();
        JavaRDD<ParsedFile<ParsedRow>> parsed = SourceFiles.parse(spark, files,
                (source, lines) -> new ReportCsvParser(layout).parse(source, lines)).cache();
        StructType parsedSchema = withSourceColumns(layout.schema());
        Dataset<Row> acceptedRows = spark.createDataFrame(
                parsed.flatMap(file -> file.accepted().iterator()).map(ReportIngest::toRow),
                parsedSchema);
        Dataset<Row> parseRejects = spark.createDataFrame(
                parsed.flatMap(file -> file.rejected().iterator()).map(RejectedRow::toRow),
                RejectedRow.SCHEMA);

        Dataset<Row> ranked = Copies.rank(acceptedRows, report.key(), report.values()).cache();
        long duplicates = ranked.filter(Copies.DUPLICATE).count();
        Dataset<Row> kept = ranked.filter(Copies.KEPT).cache();
        Dataset<Row> tableRows = report.tableRows().apply(kept)
                .withColumn("run_id", lit(runId))
                .select(columns(report.table().columnNames()))
                .cache();
        Dataset<Row> rejects = parseRejects
                .unionByName(conflictRejects(ranked.filter(Copies.CONFLICT), report.key()))
                .withColumn("job", lit(report.job()))
                .withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(runTime))
                .cache();

        long rowsRead = parsed.map(ParsedFile::rowsRead).fold(0L, Long::sum);
        IngestCounts counts = new IngestCounts(rowsRead, kept.count(), rejects.count(),
                duplicates, missingIntervals(tableRows, report),
                report.intervalsPerHour() == 1 ? "hours" : "15-minute intervals");
        return result(report, files, parsed.map(ParsedFile::sourceFile).collect(), tableRows,
                rejects, counts);
    }

    /** Publishes the table for the series and operating days read, then the rejects. */
    public void publish(TableCatalog catalog, Result result) {
        if (!result.isEmpty()) {
            catalog.replace(result.report().table(), result.tableRows(), replacedSlice(result));
        }
        catalog.replace(Tables.REJECTS, result.rejects(), "t.job = "
                + TableCatalog.sqlString(result.report().job())
                + " AND t.source_file IN " + TableCatalog.sqlList(result.sources()));
    }

    private Result result(Report report, List<String> files, List<String> sources,
            Dataset<Row> tableRows, Dataset<Row> rejects, IngestCounts counts) {
        Map<String, List<String>> series = new LinkedHashMap<>();
        for (String column : report.seriesColumns()) {
            series.put(column, distinctText(tableRows, col(column)));
        }
        List<String> dates = distinctText(tableRows, col("operating_date").cast("string"));
        Row bounds = tableRows.agg(min("interval_start_utc"), max("interval_start_utc")).first();
        Dataset<Row> perDay = tableRows.groupBy("operating_date")
                .agg(countDistinct("interval_start_utc").as("intervals"))
                .orderBy("operating_date");
        return new Result(report, files, sources, tableRows, rejects, counts, tableRows.count(),
                series, dates, bounds.isNullAt(0) ? null : bounds.getAs(0),
                bounds.isNullAt(1) ? null : bounds.getAs(1), perDay);
    }

    private static List<String> distinctText(Dataset<Row> rows, Column column) {
        return rows.select(column.as("value")).distinct().orderBy("value")
                .as(Encoders.STRING()).collectAsList();
    }

    /**
     * Counts intervals absent from the operating days read: for each series and operating day
     * with at least one row, the intervals of that day (23, 24 or 25 hours in Central
     * prevailing time) minus the intervals present. Days without any row for a series are not
     * counted, since reports cover separate days and settlement points come and go.
     */
    private static long missingIntervals(Dataset<Row> tableRows, Report report) {
        List<String> groups = new ArrayList<>(report.seriesColumns());
        groups.add("operating_date");
        Row total = tableRows.groupBy(columns(groups))
                .agg(countDistinct("interval_start_utc").as("present"))
                .select(expr("(unix_seconds(to_utc_timestamp(date_add(operating_date, 1), "
                        + "'America/Chicago')) - unix_seconds(to_utc_timestamp(operating_date, "
                        + "'America/Chicago'))) DIV 3600 * " + report.intervalsPerHour()
                        + " - present").as("missing"))
                .agg(sum("missing")).first();
        return total.isNullAt(0) ? 0 : total.getLong(0);
    }

    private static String replacedSlice(Result result) {
        String seriesMatch = result.series().entrySet().stream()
                .map(entry -> "t." + entry.getKey() + " IN "
                        + TableCatalog.sqlList(entry.getValue()))
                .collect(Collectors.joining(" AND "));
        return seriesMatch
                + " AND t.interval_start_utc BETWEEN "
                + TableCatalog.timestampLiteral(result.firstIntervalUtc())
                + " AND " + TableCatalog.timestampLiteral(result.lastIntervalUtc())
                + " AND CAST(t.operating_date AS STRING) IN "
                + TableCatalog.sqlList(result.operatingDates());
    }

    private static Dataset<Row> conflictRejects(Dataset<Row> conflicts, List<String> key) {
        List<Column> keyText = new ArrayList<>();
        for (String column : key) {
            keyText.add(column.equals("interval_start_utc")
                    ? date_format(col(column), "yyyy-MM-dd HH:mm 'UTC'")
                    : col(column).cast("string"));
        }
        return conflicts.select(
                col("source_file"),
                col("source_line").as("line_number"),
                col("raw_line"),
                format_string("Conflicting duplicate: %d rows for %s have different values",
                        col("copies"), concat_ws(" ", keyText.toArray(Column[]::new)))
                        .as("reason"));
    }

    private static StructType withSourceColumns(StructType schema) {
        return schema.add("source_file", DataTypes.StringType, false)
                .add("source_line", DataTypes.LongType, false)
                .add("raw_line", DataTypes.StringType, false);
    }

    private static Row toRow(ParsedRow row) {
        Object[] values = java.util.Arrays.copyOf(row.values(), row.values().length + 3);
        values[values.length - 3] = row.sourceFile();
        values[values.length - 2] = row.lineNumber();
        values[values.length - 1] = row.rawLine();
        return RowFactory.create(values);
    }

    private static Column[] columns(List<String> names) {
        return names.stream().map(name -> col(name)).toArray(Column[]::new);
    }
}
