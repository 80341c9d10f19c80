package io.gridcast.io;

import io.gridcast.config.Settings;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * gridcast's Iceberg tables in the configured catalog: creation and atomic publishing.
 *
 * <p>Every publish is one Iceberg commit, so a reader sees either the previous snapshot or the
 * new one, never a half-written table.
 */
public final class TableCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(TableCatalog.class);

    private final SparkSession spark;
    private final String namespace;
    private final String warehouse;

    public TableCatalog(SparkSession spark, Settings settings) {
        this.spark = spark;
        this.warehouse = Warehouse.from(settings).uri();
        this.namespace = settings.string("catalog.name") + "."
                + settings.string("catalog.database");
    }

    /** Fully qualified name of {@code table}, e.g. {@code gridcast.gridcast.load_hourly}. */
    public String qualified(String table) {
        return namespace + "." + table;
    }

    /** Creates the namespace and the table if missing. */
    public void ensure(TableDefinition definition) {
        onStorage("create or open", definition, () -> {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + namespace);
            spark.sql("CREATE TABLE IF NOT EXISTS " + qualified(definition.name()) + " ("
                    + definition.columnsDdl() + ") USING iceberg"
                    + (definition.partitioning().isEmpty() ? ""
                            : " PARTITIONED BY (" + definition.partitioning() + ")")
                    + " TBLPROPERTIES ('format-version'='2')");
        });
    }

    /**
     * Runs {@code write}, turning a storage failure into one {@link StorageException} that
     * names the table, the warehouse and the reason. Iceberg commits last, so the table's
     * published snapshot is unchanged when the write fails.
     */
    private void onStorage(String action, TableDefinition definition, Runnable write) {
        try {
            write.run();
        } catch (Exception e) {
            // Spark rethrows task failures as SparkException, a checked exception.
            StorageException.reason(e).ifPresent(reason -> {
                throw new StorageException("Cannot " + action + " " + qualified(definition.name())
                        + " in warehouse " + warehouse + ": " + reason + " (nothing was"
                        + " published: check the warehouse URI, credentials and endpoint, then"
                        + " re-run)", e);
            });
            throw e instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Replaces a slice of {@code definition}'s table with {@code rows} in one commit: rows with
     * a matching key are updated, new keys inserted, and existing rows inside
     * {@code replacedSlice} (a SQL condition over the table alias {@code t}) that are absent
     * from {@code rows} deleted. Re-running with the same rows therefore adds no row.
     *
     * @param rows rows with the table's columns and unique keys
     */
    public void replace(TableDefinition definition, Dataset<Row> rows, String replacedSlice) {
        replace(definition, rows, replacedSlice, "true");
    }

    /**
     * Replaces a slice as {@link #replace(TableDefinition, Dataset, String)} does, but updates
     * a stored row only where {@code updateCondition} (SQL over {@code t}, stored, and
     * {@code s}, new) holds, e.g. where the new row is a later revision.
     */
    public void replace(TableDefinition definition, Dataset<Row> rows, String replacedSlice,
            String updateCondition) {
        ensure(definition);
        String view = "gridcast_publish_" + definition.name();
        rows.select(definition.columnNames().stream()
                        .map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new))
                .createOrReplaceTempView(view);
        String keyMatch = definition.keyColumns().stream()
                .map(key -> "t." + key + " <=> s." + key)
                .collect(Collectors.joining(" AND "));
        long started = System.nanoTime();
        try {
            onStorage("publish", definition, () -> spark.sql("MERGE INTO " + qualified(definition.name()) + " t USING " + view + " s ON "
                    + keyMatch
                    + " WHEN MATCHED AND (" + updateCondition + ") THEN UPDATE SET *"
                    + " WHEN NOT MATCHED THEN INSERT *"
                    + " WHEN NOT MATCHED BY SOURCE AND (" + replacedSlice + ") THEN DELETE"));
        } catch (org.apache.iceberg.exceptions.ValidationException
                | org.apache.iceberg.exceptions.CommitFailedException e) {
            throw new IllegalStateException("Cannot publish " + qualified(definition.name())
                    + ": another job committed to it at the same time (" + e.getMessage()
                    + "); the previous snapshot is intact, re-run the job", e);
        } finally {
            spark.catalog().dropTempView(view);
        }
        LOG.info("Published {} in {} ms", qualified(definition.name()),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Replaces every row of {@code definition}'s table inside {@code slice} (a SQL condition
     * over the table's columns) with {@code rows} in one commit, without matching keys. When
     * the slice covers whole data files this is a cheap file-level overwrite. When it cuts
     * through files (a re-run of part of a month), it falls back to a row-level merge.
     */
    public void overwrite(TableDefinition definition, Dataset<Row> rows, String slice) {
        ensure(definition);
        try {
            onStorage("publish", definition, () -> {
                try {
                    rows.select(definition.columnNames().stream()
                                    .map(org.apache.spark.sql.functions::col)
                                    .toArray(org.apache.spark.sql.Column[]::new))
                            .writeTo(qualified(definition.name()))
                            .overwrite(org.apache.spark.sql.functions.expr(slice));
                } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
                    throw new IllegalStateException(
                            "Table not found: " + qualified(definition.name()), e);
                }
            });
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Cannot delete file where some")) {
                throw e;
            }
            LOG.info("Slice of {} cuts through data files, publishing by row-level merge",
                    qualified(definition.name()));
            replace(definition, rows, slice);
        }
    }

    /** Appends {@code rows} in one commit. */
    public void append(TableDefinition definition, Dataset<Row> rows) {
        ensure(definition);
        onStorage("publish", definition, () -> {
            try {
                rows.select(definition.columnNames().stream()
                                .map(org.apache.spark.sql.functions::col)
                                .toArray(org.apache.spark.sql.Column[]::new))
                        .writeTo(qualified(definition.name())).append();
            } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
                throw new IllegalStateException(
                        "Table not found: " + qualified(definition.name()), e);
            }
        });
    }

    /** Reads the current snapshot of {@code table}. */
    public Dataset<Row> read(String table) {
        return spark.table(qualified(table));
    }

    /** SQL literal list {@code ('a', 'b')} of {@code values}, quotes escaped. */
    public static String sqlList(List<String> values) {
        return values.stream().map(TableCatalog::sqlString)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** SQL timestamp literal of {@code instant}, read in the session time zone (UTC). */
    public static String timestampLiteral(java.time.Instant instant) {
        return "TIMESTAMP '" + instant.toString().replace("T", " ").replace("Z", "") + "'";
    }

    /** SQL string literal of {@code value}, quotes escaped. */
    public static String sqlString(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
