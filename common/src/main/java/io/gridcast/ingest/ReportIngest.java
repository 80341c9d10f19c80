package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.gridcast.io.InputFiles;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the files of one report into its table and {@code rejects}: lists the input, parses
 * every CSV (plain, gzip or in a ZIP) in a Spark task with the report's layout, drops exact
 * copies, rejects conflicting copies, counts missing intervals, and publishes in one commit per
 * table. Re-running over the same input changes nothing.
 */
public final class ReportIngest {

    private static final Logger LOG = LoggerFactory.getLogger(ReportIngest.class);

    /**
     * A report: its layout, target table, keys and series.
     *
     * @param job name of the job in {@code rejects}, e.g. {@code ercot-rt-spp}
     * @param key columns of the parsed rows that identify one value, shared by copies
     * @param values parsed columns compared between copies
     * @param seriesColumns table columns that name one series, e.g. settlement point and type
     * @param intervalsPerHour 1 for hourly tables, 4 for 15-minute ones
     * @param marketZone time zone of the market's operating days
     * @param tableRows turns kept parsed rows into table rows (adds interval ends, explodes
     *     wide rows), before {@code run_id} is added
     * @param revisionColumn a column of {@code key} that orders revisions of one value: of the
     *     rows that differ only in it, the latest is kept and the others count as superseded.
     *     Null for reports without revisions
     */
    public record Report(String job, ReportLayout layout, TableDefinition table,
            List<String> key, List<String> values, List<String> seriesColumns,
            int intervalsPerHour, ZoneId marketZone, UnaryOperator<Dataset<Row>> tableRows,
            String revisionColumn) {
    }

    /**
     * The outcome of reading.
     *
     * @param files URIs of the files read
     * @param sources names of the CSVs read, as {@code source_file} gives them (a ZIP member is
     *     {@code <zip URI>!/<member>})
     * @param tableRows rows with the table's columns, unique per key
     * @param publishedRows rows of {@code tableRows}, more than {@code counts.accepted()} when a
     *     source line contains several series
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
                report.layout().redactPath(input));

        Dataset<Row> parsed = parse(report.layout(), files).cache();
        List<Row> perSource = parsed.groupBy("source_file")
                .agg(count(lit(1)).as("rows"), count("reason").as("rejected"))
                .orderBy("source_file").collectAsList();
        long rowsRead = perSource.stream().mapToLong(r -> r.getLong(1)).sum();
        long parseRejected = perSource.stream().mapToLong(r -> r.getLong(2)).sum();

        Copies.Split copies = Copies.split(parsed.filter(col("reason").isNull()).drop("reason"),
                report.key(), report.values());
        Dataset<Row> uniqueRows = copies.kept();
        long superseded = 0;
        if (report.revisionColumn() != null) {
            Dataset<Row> ranked = latestRevisionFirst(uniqueRows, report).cache();
            superseded = ranked.filter(col("revision_rank").gt(1)).count();
            uniqueRows = ranked.filter(col("revision_rank").equalTo(1)).drop("revision_rank");
        }
        Dataset<Row> tableRows = report.tableRows().apply(uniqueRows)
                .withColumn("run_id", lit(runId))
                .select(columns(report.table().columnNames()));
        Dataset<Row> rejects = parsed.filter(col("reason").isNotNull())
                .select(col("source_file"), col("source_line").as("line_number"),
                        col("raw_line"), col("reason"))
                .unionByName(conflictRejects(copies.conflicts(), report.key()))
                .withColumn("job", lit(report.job()))
                .withColumn("run_id", lit(runId))
                .withColumn("rejected_at_utc", lit(runTime));

        SeriesDays seriesDays = SeriesDays.of(tableRows, report);
        long accepted = rowsRead - parseRejected - copies.duplicates() - copies.conflictRows()
                - superseded;
        IngestCounts counts = new IngestCounts(rowsRead, accepted,
                parseRejected + copies.conflictRows(), copies.duplicates(), superseded,
                seriesDays.missingIntervals(),
                report.intervalsPerHour() == 1 ? "hours" : "15-minute intervals");
        List<String> sources = perSource.stream().map(r -> r.getString(0)).toList();
        return new Result(report, files, sources, tableRows, rejects, counts,
                seriesDays.rows(), seriesDays.series(), seriesDays.operatingDates(),
                seriesDays.first(), seriesDays.last(), tableRows.groupBy("operating_date")
                        .agg(countDistinct("interval_start_utc").as("intervals"))
                        .orderBy("operating_date"));
    }

    /**
     * Numbers the revisions of each value from the latest, 1, down: by the revision column
     * (a missing revision counts as oldest), then by file and line, later first.
     */
    private static Dataset<Row> latestRevisionFirst(Dataset<Row> rows, Report report) {
        Column[] valueKey = report.key().stream()
                .filter(column -> !column.equals(report.revisionColumn()))
                .map(column -> col(column)).toArray(Column[]::new);
        WindowSpec latestFirst = Window.partitionBy(valueKey).orderBy(
                col(report.revisionColumn()).desc_nulls_last(), col("source_file").desc(),
                col("source_line").desc());
        return rows.withColumn("revision_rank", row_number().over(latestFirst));
    }

    /**
     * Parses {@code files} into one DataFrame: the layout's values, {@code source_file},
     * {@code source_line}, {@code raw_line}, and {@code reason}, null for accepted rows.
     */
    Dataset<Row> parse(ReportLayout layout, List<String> files) {
        StructType schema = new StructType();
        for (var field : layout.schema().fields()) {
            schema = schema.add(field.name(), field.dataType(), true);
        }
        schema = schema.add("source_file", DataTypes.StringType, false)
                .add("source_line", DataTypes.LongType, false)
                .add("raw_line", DataTypes.StringType, false)
                .add("reason", DataTypes.StringType, true);
        int width = layout.schema().size();
        JavaRDD<Row> rows = SourceFiles.parse(spark, files,
                        (source, lines) -> new ReportCsvParser(layout).parse(source, lines))
                .flatMap(file -> rows(file, width).iterator());
        return spark.createDataFrame(rows, schema);
    }

    private static List<Row> rows(ParsedFile<ParsedRow> file, int width) {
        List<Row> rows = new ArrayList<>(file.accepted().size() + file.rejected().size());
        for (ParsedRow row : file.accepted()) {
            Object[] values = java.util.Arrays.copyOf(row.values(), width + 4);
            values[width] = row.sourceFile();
            values[width + 1] = row.lineNumber();
            values[width + 2] = row.rawLine();
            rows.add(RowFactory.create(values));
        }
        for (RejectedRow row : file.rejected()) {
            Object[] values = new Object[width + 4];
            values[width] = row.sourceFile();
            values[width + 1] = row.lineNumber();
            values[width + 2] = row.rawLine();
            values[width + 3] = row.reason();
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    /**
     * Publishes the rows read, then the rejects, one commit each. Rows read are inserted or
     * update the stored row with their key. A stored row is deleted only when it came from a
     * file read again whose new copy covers its operating day but not its key. Files that ERCOT
     * posts one interval or one day at a time can therefore be loaded in any order and batch.
     */
    public void publish(TableCatalog catalog, Result result) {
        if (!result.isEmpty()) {
            String revision = result.report().revisionColumn();
            // A row read again with an older revision than the stored one leaves it in place.
            catalog.replace(result.report().table(), result.tableRows(), replacedSlice(result),
                    revision == null ? "true" : "s." + revision + " >= t." + revision + " OR t."
                            + revision + " IS NULL");
        }
        catalog.replace(Tables.REJECTS, result.rejects(), "t.job = "
                + TableCatalog.sqlString(result.report().job())
                + " AND t.source_file IN " + TableCatalog.sqlList(result.sources()));
    }

    private static String replacedSlice(Result result) {
        // Series columns that partition the table (iso, market_run) only narrow the files
        // scanned. The source files decide which stored rows may be deleted.
        String partitionMatch = result.series().entrySet().stream()
                .filter(entry -> result.report().table().partitioning().contains(entry.getKey()))
                .map(entry -> "t." + entry.getKey() + " IN "
                        + TableCatalog.sqlList(entry.getValue()) + " AND ")
                .collect(Collectors.joining());
        return partitionMatch
                + "t.interval_start_utc BETWEEN "
                + TableCatalog.timestampLiteral(result.firstIntervalUtc())
                + " AND " + TableCatalog.timestampLiteral(result.lastIntervalUtc())
                + " AND t.operating_date IN " + result.operatingDates().stream()
                        .map(date -> "DATE '" + date + "'")
                        .collect(Collectors.joining(", ", "(", ")"))
                + " AND t.source_file IN " + TableCatalog.sqlList(result.sources());
    }

    /** Rejects of {@link Copies.Split#conflicts}, one per row, naming the key and copies. */
    static Dataset<Row> conflictRejects(Dataset<Row> conflicts, List<String> key) {
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

    private static Column[] columns(List<String> names) {
        return names.stream().map(name -> col(name)).toArray(Column[]::new);
    }
}
