package io.gridcast.registry;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fingerprint of a model's input rows: independent of row order and partitioning, and changed
 * by any added, removed or altered row.
 *
 * <p>Each row is hashed with Spark's xxhash64 over {@code columns}; the row count and the sum
 * of the hashes are then hashed with SHA-256.
 */
public final class InputFingerprint {

    private InputFingerprint() {
    }

    /** Returns {@code sha256:<hex>} of {@code rows} over {@code columns}. */
    public static String of(Dataset<Row> rows, List<String> columns) {
        Column hash = xxhash64(columns.stream().map(c -> col(c)).toArray(Column[]::new));
        Row totals = rows.agg(count(lit(1)), sum(hash.cast("decimal(38,0)"))).first();
        String summary = totals.getLong(0) + ":" + totals.get(1) + ":" + String.join(",", columns);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(summary.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
