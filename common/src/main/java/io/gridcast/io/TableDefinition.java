package io.gridcast.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Name, columns, key and partitioning of one published table.
 *
 * @param columns column name and Spark SQL type, in table order
 * @param keyColumns columns that identify a row; publishing replaces rows by this key
 * @param partitioning Iceberg partition spec, e.g. {@code iso, years(interval_start_utc)}
 */
public record TableDefinition(String name, List<Column> columns, List<String> keyColumns,
        String partitioning) {

    /** One column: name, Spark SQL type and a description that goes into the table comment. */
    public record Column(String name, String type, String comment) {
    }

    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** Spark schema of the table's columns. */
    public org.apache.spark.sql.types.StructType schema() {
        return org.apache.spark.sql.types.StructType.fromDDL(columns.stream()
                .map(c -> c.name() + " " + c.type()).collect(Collectors.joining(", ")));
    }

    String columnsDdl() {
        return columns.stream()
                .map(c -> c.name() + " " + c.type() + " COMMENT "
                        + TableCatalog.sqlString(c.comment()))
                .collect(Collectors.joining(", "));
    }
}
