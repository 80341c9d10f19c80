package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.apache.spark.sql.SparkSession;

/** Reads published tables back with DuckDB, as an independent reader of their Parquet files. */
final class DuckDbReads {

    private DuckDbReads() {
    }

    /** Returns the current data files of {@code table} in {@code warehouse}, as a DuckDB list. */
    static String dataFiles(Path warehouse, String table) {
        Settings settings = SparkTestBase.testSettings(warehouse);
        try (SparkSession spark = SparkSessions.create(settings)) {
            return SparkTestBase.duckDbDataFiles(spark, settings, table);
        }
    }

    /** Runs {@code query} in DuckDB and returns the first column of its first row, as text. */
    static String duckDb(String query) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).as(query).isTrue();
            return result.getString(1);
        }
    }
}
