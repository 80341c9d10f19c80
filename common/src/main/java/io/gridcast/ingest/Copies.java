package io.gridcast.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Finds rows that arrive more than once, in one file or across files (ISOs re-post reports).
 * Rows with the same key and the same values are exact copies: the first, by source file and
 * line, is kept and the others dropped and counted. Rows with the same key and different
 * values conflict and are all rejected.
 *
 * <p>Keys are counted with one hash aggregation. Only the rows of repeated keys, usually few,
 * are joined back and ranked, so unique rows pass through without a sort.
 */
final class Copies {

    /**
     * The outcome of {@link #split}.
     *
     * @param kept one row per key, with the input's columns
     * @param conflicts every row of a key whose copies differ, plus {@code copies}, the number
     *     of rows with that key
     * @param duplicates exact copies dropped
     * @param conflictRows rows in {@code conflicts}
     */
    record Split(Dataset<Row> kept, Dataset<Row> conflicts, long duplicates, long conflictRows) {
    }

    private Copies() {
    }

    /** Splits {@code rows}, which have {@code source_file} and {@code source_line} columns. */
    static Split split(Dataset<Row> rows, List<String> keyCols, List<String> valueCols) {
        Dataset<Row> repeated = repeatedKeys(rows, keyCols, valueCols).cache();
        Row totals = repeated.agg(
                sum(when(not(col("copy_conflict")), col("copies").minus(1))),
                sum(when(col("copy_conflict"), col("copies")))).first();
        long duplicates = totals.isNullAt(0) ? 0 : totals.getLong(0);
        long conflictRows = totals.isNullAt(1) ? 0 : totals.getLong(1);
        if (duplicates == 0 && conflictRows == 0) {
            repeated.unpersist();
            return new Split(rows, rows.limit(0).withColumn("copies", lit(0L)), 0, 0);
        }

        Column joinCondition = lit(true);
        for (String key : keyCols) {
            joinCondition =
                    joinCondition.and(rows.col(key).equalTo(repeated.col("repeated_" + key)));
        }
        Dataset<Row> marked = rows.join(repeated, joinCondition, "left");
        Dataset<Row> unique = marked.filter(col("copies").isNull()).select(columns(rows));
        Dataset<Row> ranked = marked.filter(col("copies").isNotNull())
                .withColumn("copy_rank", row_number().over(Window.partitionBy(
                        keyCols.stream().map(c -> col(c)).toArray(Column[]::new))
                        .orderBy(col("source_file"), col("source_line"))));
        Dataset<Row> firstCopies = ranked
                .filter(not(col("copy_conflict")).and(col("copy_rank").equalTo(1)))
                .select(columns(rows));
        List<Column> conflictColumns = new ArrayList<>(List.of(columns(rows)));
        conflictColumns.add(col("copies"));
        Dataset<Row> conflicts = ranked.filter(col("copy_conflict"))
                .select(conflictColumns.toArray(Column[]::new));
        return new Split(unique.unionByName(firstCopies), conflicts, duplicates, conflictRows);
    }

    /**
     * Keys with more than one row: {@code repeated_<key>} columns, {@code copies} and
     * {@code copy_conflict}, true when any value column differs between copies (a null and a
     * value differ).
     */
    private static Dataset<Row> repeatedKeys(Dataset<Row> rows, List<String> keyCols,
            List<String> valueCols) {
        List<Column> aggregates = new ArrayList<>();
        aggregates.add(count(lit(1)).as("copies"));
        Column conflict = lit(false);
        for (String value : valueCols) {
            aggregates.add(min(value).as("min_" + value));
            aggregates.add(max(value).as("max_" + value));
            aggregates.add(count(value).as("present_" + value));
            Column mixedNulls = col("present_" + value).notEqual(0)
                    .and(col("present_" + value).notEqual(col("copies")));
            conflict = conflict.or(not(col("min_" + value).eqNullSafe(col("max_" + value))))
                    .or(mixedNulls);
        }
        List<Column> output = new ArrayList<>();
        for (String key : keyCols) {
            output.add(col(key).as("repeated_" + key));
        }
        output.add(col("copies"));
        output.add(coalesce(conflict, lit(false)).as("copy_conflict"));
        return rows.groupBy(keyCols.stream().map(c -> col(c)).toArray(Column[]::new))
                .agg(aggregates.get(0), aggregates.subList(1, aggregates.size())
                        .toArray(Column[]::new))
                .filter(col("copies").gt(1))
                .select(output.toArray(Column[]::new));
    }

    private static Column[] columns(Dataset<Row> rows) {
        return java.util.Arrays.stream(rows.columns()).map(c -> col(c)).toArray(Column[]::new);
    }
}
