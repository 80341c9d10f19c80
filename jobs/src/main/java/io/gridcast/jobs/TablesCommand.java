package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.io.AthenaSchema;
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast tables}: the published tables with row counts and last update. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Lists the published tables with row counts, partitions and last update.")
final class TablesCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--athena-schema", paramLabel = "DIR",
            description = "Writes one Markdown page per table, with its types as Athena reads "
                    + "them, into DIR, and lists no tables.")
    Path athenaSchemaDir;

    @Override
    public Integer call() throws IOException {
        if (athenaSchemaDir != null) {
            return writeAthenaSchema(athenaSchemaDir);
        }
        Settings settings = options.settings();
        try (JobContext context = new JobContext("tables", settings, 1, Clock.systemUTC())) {
            String namespace = settings.string("catalog.name") + "."
                    + settings.string("catalog.database");
            context.spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
            List<Row> tables = context.spark.sql("SHOW TABLES IN " + namespace).collectAsList();
            System.out.printf("%-40s %12s %10s  %s%n", "table", "rows", "partitions",
                    "last update (UTC)");
            for (Row table : tables) {
                String name = context.catalog.qualified(table.getString(1));
                long rows = context.spark.table(name).count();
                long partitions =
                        context.spark.sql("SELECT * FROM " + name + ".partitions").count();
                Row last = context.spark.sql("SELECT max(committed_at) FROM " + name + ".snapshots")
                        .first();
                System.out.printf("%-40s %12d %10d  %s%n", name, rows, partitions, last.get(0));
            }
            System.out.printf("tables: %d in %s%n", tables.size(), namespace);
        }
        return 0;
    }

    private static int writeAthenaSchema(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (TableDefinition table : Tables.ALL) {
            Files.writeString(folder.resolve(table.name() + ".md"), AthenaSchema.markdown(table));
        }
        System.out.printf("tables: %d schema pages written to %s%n", Tables.ALL.size(), folder);
        return 0;
    }
}
