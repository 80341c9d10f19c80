package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.Warehouse;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast query}: runs one SQL file over the published tables, as Athena would. */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {
            "Runs one SQL query file over the published tables and prints the result.",
            "Table names are unqualified (price_hourly, not gridcast.price_hourly), so the same "
                    + "file runs in Athena with the gridcast database selected. Each ? in the "
                    + "query takes the next --param value, as Athena's EXECUTE ... USING does."})
final class QueryCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--sql", required = true, paramLabel = "FILE",
            description = "File with one SELECT statement.")
    Path sqlFile;

    @Option(names = "--param", paramLabel = "VALUE",
            description = "Value of the next ? in the query, as text; repeat for each ?.")
    List<String> params = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE.csv",
            description = "Also writes every result row to this CSV file.")
    Path output;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "100",
            description = "Rows printed to the console (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() throws IOException {
        Settings settings = options.settings();
        String sql = readQuery(sqlFile);
        Warehouse warehouse = Warehouse.from(settings);
        if (warehouse.isLocal() && !Files.isDirectory(warehouse.localPath())) {
            throw new InvalidInputException("Warehouse not found: " + warehouse.localPath()
                    + " (the jobs that publish tables create it; check --warehouse)");
        }
        try (JobContext context = new JobContext("query", settings, 1, Clock.systemUTC())) {
            context.progress.stage("query " + sqlFile);
            Dataset<Row> result = run(context.spark, settings, sql, params);
            List<String> columns = List.of(result.columns());
            List<Row> rows = result.collectAsList();
            print(System.out, columns, rows.subList(0, Math.min(rows.size(), maxRows)));
            if (rows.size() > maxRows) {
                System.out.printf("(first %d of %d rows shown; --max-rows N shows more)%n",
                        maxRows, rows.size());
            }
            if (output != null) {
                writeCsv(output, columns, rows);
            }
            System.out.printf("query %s finished in %.1f s: %d rows%s%n", sqlFile,
                    context.progress.elapsedSeconds(), rows.size(),
                    output == null ? "" : ", written to " + output);
        }
        return 0;
    }

    /**
     * Runs the query {@code sql} in the gridcast database of the configured catalog.
     *
     * @throws InvalidInputException if {@code sql} is not a query (a DROP, INSERT, MERGE or
     *     other command) or its {@code ?} markers do not match {@code params}
     */
    static Dataset<Row> run(SparkSession spark, Settings settings, String sql,
            List<String> params) {
        LogicalPlan plan;
        try {
            plan = spark.sessionState().sqlParser().parsePlan(sql);
        } catch (org.apache.spark.sql.catalyst.parser.ParseException e) {
            throw new InvalidInputException("Invalid SQL: " + e.getMessage().lines()
                    .filter(line -> !line.isBlank()).findFirst().orElse(""), e);
        }
        LogicalPlan write = firstWrite(plan);
        if (write != null) {
            throw new InvalidInputException("Not a query: " + write.nodeName() + " (gridcast "
                    + "query runs one SELECT or WITH ... SELECT statement and changes nothing)");
        }
        int markers = parameterMarkers(sql);
        if (markers != params.size()) {
            throw new InvalidInputException("The query has " + markers + " ? marker(s) but "
                    + params.size() + " --param value(s) were given; pass one --param per ?");
        }
        String namespace = settings.string("catalog.name") + "."
                + settings.string("catalog.database");
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
        spark.sql("USE " + namespace);
        try {
            return spark.sql(sql, params.toArray());
        } catch (Exception e) {
            // Spark throws AnalysisException, a checked exception, without declaring it.
            if (e instanceof org.apache.spark.sql.AnalysisException) {
                throw new InvalidInputException("Invalid query: " + e.getMessage().lines()
                        .findFirst().orElse(""), e);
            }
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /**
     * Returns the first node of {@code plan} that writes or runs a command (INSERT, DELETE,
     * MERGE, CALL, INSERT OVERWRITE DIRECTORY, DDL, SET ...), or null for a pure query.
     * Every node is checked, so a write inside WITH or a multi-insert is found too.
     */
    private static LogicalPlan firstWrite(LogicalPlan plan) {
        String name = plan.getClass().getSimpleName();
        if (plan instanceof org.apache.spark.sql.catalyst.plans.logical.Command
                || plan instanceof InsertIntoStatement
                || name.matches(".*(Insert|Statement|Command|Call|Dir|Directory).*")) {
            return plan;
        }
        for (LogicalPlan child : scala.collection.JavaConverters.seqAsJavaList(plan.children())) {
            LogicalPlan write = firstWrite(child);
            if (write != null) {
                return write;
            }
        }
        return null;
    }

    /** Counts the {@code ?} markers of {@code sql} outside quotes and comments. */
    static int parameterMarkers(String sql) {
        int markers = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 1;
            } else if (c == '?') {
                markers++;
            }
        }
        return markers;
    }

    /** Reads one statement, without a trailing semicolon. */
    static String readQuery(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("SQL file not found: " + file);
        }
        String sql = Files.readString(file, StandardCharsets.UTF_8).strip();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }

    private static void print(PrintStream out, List<String> columns, List<Row> rows) {
        out.println(String.join(" | ", columns));
        for (Row row : rows) {
            out.println(cells(row).stream().collect(Collectors.joining(" | ")));
        }
    }

    private static void writeCsv(Path file, List<String> columns, List<Row> rows)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(columns.stream().map(QueryCommand::csvCell).collect(Collectors.joining(",")));
        for (Row row : rows) {
            lines.add(cells(row).stream().map(QueryCommand::csvCell)
                    .collect(Collectors.joining(",")));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.length(); i++) {
            cells.add(row.isNullAt(i) ? "" : String.valueOf(row.get(i)));
        }
        return cells;
    }

    private static String csvCell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
