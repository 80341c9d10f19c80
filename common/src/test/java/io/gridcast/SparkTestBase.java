package io.gridcast;

import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Shares one local Spark session per test class, with its own warehouse and embedded catalog
 * in a temporary folder.
 */
public abstract class SparkTestBase {

    protected static SparkSession spark;
    protected static Settings settings;
    protected static Path warehouseDir;

    @BeforeAll
    static void startSpark() throws IOException {
        warehouseDir = Files.createTempDirectory("gridcast-test-warehouse");
        settings = testSettings(warehouseDir);
        SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
        if (active != null) {
            active.stop();
        }
        spark = SparkSessions.create(settings);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
            spark = null;
        }
    }

    /** Local settings for tests: two cores, few shuffle partitions, the given warehouse. */
    public static Settings testSettings(Path warehouse) {
        return Settings.defaults()
                .with("spark.master", "local[2]")
                .with("spark.sql.shuffle.partitions", "4")
                .with("storage.warehouse", warehouse.toString())
                .with("xgboost.num-workers", "1");
    }

    /**
     * Returns the data files of {@code table}'s current snapshot as a DuckDB list literal,
     * {@code ['/path/a.parquet', ...]}, for reading the table back with DuckDB.
     */
    public static String duckDbDataFiles(SparkSession session, Settings tableSettings,
            String table) {
        return session.sql("SELECT file_path FROM "
                        + new TableCatalog(session, tableSettings).qualified(table) + ".files")
                .collectAsList().stream()
                .map(row -> "'" + row.getString(0).replace("file:", "").replace("'", "''") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** Folder of the repository, for test inputs under data/samples. */
    public static Path repositoryRoot() {
        String root = System.getProperty("gridcast.root");
        return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
    }
}
