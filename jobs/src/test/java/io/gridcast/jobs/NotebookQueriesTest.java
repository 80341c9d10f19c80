package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the analyst queries and exported notebooks of notebooks-export against the current
 * table definitions. Spark's analyzer resolves every table and column of every query file over
 * empty tables. Every notebook reads its data only through those files and was exported with
 * its outputs and plots.
 */
class NotebookQueriesTest extends SparkTestBase {

    private static final Path EXPORT = repositoryRoot().resolve("notebooks-export");
    /** A call of gridcast_tables.query, with its first argument. */
    private static final Pattern QUERY_CALL = Pattern.compile("\\bquery\\(\\s*([^,)]*)");
    private static final Pattern FILE_LITERAL = Pattern.compile("([\"'])([\\w/.-]+\\.sql)\\1");
    /** SQL, or a way to read tables that bypasses the checked query files. */
    private static final Pattern OTHER_READ = Pattern.compile("(?is)\\bSELECT\\b.+\\bFROM\\b"
            + "|\\bread_(parquet|csv|sql|table|json)\\b|\\bspark\\b|\\bduckdb\\b|\\bboto3\\b"
            + "|\\bpyathena\\b|\\bsubprocess\\b|\\bopen\\(");

    @BeforeAll
    static void createEmptyTables() {
        TableCatalog catalog = new TableCatalog(spark, settings);
        for (TableDefinition table : Tables.ALL) {
            catalog.ensure(table);
        }
    }

    @Test
    void everyQueryResolvesOnCurrentTables() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> files = queryFiles();

        for (Path file : files) {
            for (String statement : statements(Files.readString(file))) {
                List<String> params = Collections.nCopies(
                        QueryCommand.parameterMarkers(statement), "2024-11-03");
                try {
                    QueryCommand.run(spark, settings, statement, params).schema();
                } catch (RuntimeException e) {
                    problems.add(EXPORT.relativize(file) + ": " + e.getMessage());
                }
            }
        }

        assertThat(files).hasSizeGreaterThanOrEqualTo(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void notebooksKeepOutputsAndQueryFiles() throws IOException {
        List<Path> notebooks;
        try (Stream<Path> listed = Files.list(EXPORT)) {
            notebooks = listed.filter(path -> path.toString().endsWith(".ipynb")).sorted()
                    .toList();
        }
        assertThat(notebooks).hasSize(5);

        for (Path notebook : notebooks) {
            JsonNode document = new ObjectMapper().readTree(notebook.toFile());
            assertThat(document.path("nbformat").asInt()).as(notebook.toString()).isEqualTo(4);
            int images = 0;
            int queries = 0;
            for (JsonNode cell : document.path("cells")) {
                if (!cell.path("cell_type").asText().equals("code")) {
                    continue;
                }
                String source = text(cell.path("source"));
                String where = notebook.getFileName() + ": " + source.lines().findFirst()
                        .orElse("");
                assertThat(cell.path("execution_count").isInt())
                        .as(where + ": no execution count, so the cell was not run; export "
                                + "the notebook again").isTrue();
                assertThat(OTHER_READ.matcher(source).find())
                        .as(where + ": reads data other than through query(FILE)").isFalse();
                Matcher call = QUERY_CALL.matcher(source);
                while (call.find()) {
                    Matcher file = FILE_LITERAL.matcher(call.group(1).strip());
                    assertThat(file.matches())
                            .as(where + ": query() takes a literal .sql file name, not "
                                    + call.group(1)).isTrue();
                    assertThat(EXPORT.resolve("athena").resolve(file.group(2))).as(where)
                            .isRegularFile();
                    queries++;
                }
                for (JsonNode output : cell.path("outputs")) {
                    assertThat(output.path("output_type").asText()).as(where)
                            .isNotEqualTo("error");
                    images += output.path("data").has("image/png") ? 1 : 0;
                }
            }
            assertThat(queries).as(notebook + " queries").isPositive();
            assertThat(images).as(notebook + " plots").isGreaterThanOrEqualTo(3);
        }
    }

    private static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXPORT.resolve("athena"))) {
            return files.filter(path -> path.toString().endsWith(".sql")).sorted().toList();
        }
    }

    /** Splits a file into statements at each semicolon that ends a line, comments dropped. */
    private static List<String> statements(String sql) {
        String code = sql.lines().map(line -> line.replaceFirst("--.*$", ""))
                .reduce("", (all, line) -> all + line + "\n");
        return Stream.of(code.split(";\\s*\n")).map(String::strip)
                .filter(statement -> !statement.isEmpty()).toList();
    }

    private static String text(JsonNode source) {
        if (source.isArray()) {
            StringBuilder joined = new StringBuilder();
            source.forEach(line -> joined.append(line.asText()));
            return joined.toString();
        }
        return source.asText();
    }
}
