package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Finds rows that arrive more than once, in one file or across files (ISOs re-post reports).
 * Rows with the same key and the same values are exact copies: the first, by source file and
 * line, is kept. Rows with the same key and different values conflict.
 */
final class Copies {

    /** Keeps the first of each key among rows that agree. */
    static final String KEPT = "distinct_values = 1 AND copy_rank = 1";
    /** Exact copies of a kept row, dropped and counted. */
    static final String DUPLICATE = "distinct_values = 1 AND copy_rank > 1";
    /** Rows whose key has different values, all rejected. */
    static final String CONFLICT = "distinct_values > 1";

    private Copies() {
    }

    /**
     * Adds {@code copies} (rows with the key), {@code distinct_values} (different value
     * combinations with the key) and {@code copy_rank} (1 for the first row, by source file and
     * line), to be filtered with {@link #KEPT}, {@link #DUPLICATE} and {@link #CONFLICT}.
     */
    static Dataset<Row> rank(Dataset<Row> rows, List<String> keyCols, List<String> valueCols) {
        WindowSpec byKey = Window.partitionBy(keyCols.stream().map(c -> col(c))
                .toArray(Column[]::new));
        Column values = struct(valueCols.stream().map(c -> col(c)).toArray(Column[]::new));
        return rows
                .withColumn("copies", count(lit(1)).over(byKey))
                .withColumn("distinct_values", size(collect_set(values).over(byKey)))
                .withColumn("copy_rank", row_number().over(
                        byKey.orderBy(col("source_file"), col("source_line"))));
    }
}
