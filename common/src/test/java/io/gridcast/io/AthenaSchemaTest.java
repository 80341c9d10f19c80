package io.gridcast.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AthenaSchemaTest {

    private static final Path ATHENA =
            SparkTestBase.repositoryRoot().resolve("notebooks-export/athena");

    @Test
    void schemaPagesMatchTableDefinitions() throws IOException {
        for (TableDefinition table : Tables.ALL) {
            Path page = ATHENA.resolve("schema").resolve(table.name() + ".md");
            assertThat(page).as("regenerate with: bin/gridcast tables --athena-schema "
                    + "notebooks-export/athena/schema").exists();
            assertThat(Files.readString(page)).as(page.toString())
                    .isEqualTo(AthenaSchema.markdown(table));
        }
    }

    @Test
    void timestampsReadAsInstantsInAthena() {
        assertThat(AthenaSchema.markdown(Tables.PRICE_INTERVAL))
                .contains("| interval_start_utc | timestamp | timestamptz (UTC) | "
                        + "timestamp(6) with time zone |")
                .contains("Athena shows `iso, market_run, day(interval_start_utc)`");
    }

    @Test
    void queriesReadOnlyPublishedTables() throws IOException {
        Pattern fromTable = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_]+)");
        try (var files = Files.walk(ATHENA)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String sql = Files.readString(file).replaceAll("--[^\n]*", "");
                Matcher matcher = fromTable.matcher(sql);
                while (matcher.find()) {
                    String table = matcher.group(1);
                    assertThat(Tables.ALL).as(file + " reads " + table)
                            .anyMatch(t -> t.name().equals(table));
                }
            }
        }
    }
}
