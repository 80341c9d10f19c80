package io.gridcast.jobs;

import io.gridcast.config.Settings;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gridcast tables}: the published tables with row counts and last update. */
@Command(name = "tables", mixinStandardHelpOptions = true,
        description = "Lists the published tables with row counts, partitions and last update.")
final class TablesCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Override
    public Integer call() {
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
}
