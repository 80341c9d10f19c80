package io.gridcast.forecast;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sqrt;

import java.io.Serializable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Point forecast errors over a set of intervals.
 *
 * @param mae mean absolute error, in the target's unit (MW for load)
 * @param rmse root mean squared error, in the target's unit
 * @param mapePercent mean absolute percentage error, in percent of the actual value
 * @param count number of intervals compared
 */
public record ForecastMetrics(double mae, double rmse, double mapePercent, long count)
        implements Serializable {

    /**
     * Computes the metrics of {@code predicted} against {@code actual}.
     *
     * @throws IllegalArgumentException if the lengths differ, are zero, or an actual is zero
     */
    public static ForecastMetrics of(double[] actual, double[] predicted) {
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("Cannot compare " + actual.length
                    + " actual values with " + predicted.length + " predictions");
        }
        double absoluteSum = 0;
        double squaredSum = 0;
        double percentSum = 0;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == 0) {
                throw new IllegalArgumentException("Invalid actual value 0 at index " + i
                        + ": MAPE is undefined");
            }
            double error = predicted[i] - actual[i];
            absoluteSum += Math.abs(error);
            squaredSum += error * error;
            percentSum += Math.abs(error / actual[i]);
        }
        int n = actual.length;
        return new ForecastMetrics(absoluteSum / n, Math.sqrt(squaredSum / n),
                100 * percentSum / n, n);
    }

    /** Returns aggregations of the metrics of {@code predictedCol} against {@code actualCol}. */
    public static Column[] aggregations(String actualCol, String predictedCol) {
        Column error = col(predictedCol).minus(col(actualCol));
        return new Column[] {
            avg(abs(error)).as("mae"),
            sqrt(avg(pow(error, 2))).as("rmse"),
            avg(abs(error.divide(col(actualCol)))).multiply(100).as("mape_percent"),
            org.apache.spark.sql.functions.count(lit(1)).as("count")
        };
    }

    /** Computes the metrics over all rows of {@code rows}. */
    public static ForecastMetrics of(Dataset<Row> rows, String actualCol, String predictedCol) {
        Column[] aggregations = aggregations(actualCol, predictedCol);
        Row row = rows.agg(aggregations[0], java.util.Arrays.copyOfRange(aggregations, 1, 4))
                .first();
        long n = row.getLong(3);
        if (n == 0) {
            throw new IllegalArgumentException("Cannot compute metrics over zero rows");
        }
        return new ForecastMetrics(row.getDouble(0), row.getDouble(1), row.getDouble(2), n);
    }
}
