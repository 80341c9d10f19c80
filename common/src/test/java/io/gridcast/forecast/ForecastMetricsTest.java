package io.gridcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ForecastMetricsTest extends SparkTestBase {

    // Errors -10, +20, 0, -40 on actuals 100, 200, 50, 400:
    // MAE = 70/4 = 17.5; RMSE = sqrt((100+400+0+1600)/4) = sqrt(525) = 22.9129;
    // MAPE = (10% + 10% + 0% + 10%)/4 = 7.5%.
    private static final double[] ACTUAL = {100, 200, 50, 400};
    private static final double[] PREDICTED = {90, 220, 50, 360};

    @Test
    void handComputedVector() {
        ForecastMetrics metrics = ForecastMetrics.of(ACTUAL, PREDICTED);

        assertThat(metrics.mae()).isCloseTo(17.5, within(1e-12));
        assertThat(metrics.rmse()).isCloseTo(Math.sqrt(525), within(1e-12));
        assertThat(metrics.mapePercent()).isCloseTo(7.5, within(1e-12));
        assertThat(metrics.count()).isEqualTo(4);
    }

    @Test
    void sparkAggregationMatchesHandValues() {
        StructType schema = new StructType()
                .add("actual", DataTypes.DoubleType)
                .add("predicted", DataTypes.DoubleType);
        List<Row> rows = List.of(RowFactory.create(100.0, 90.0), RowFactory.create(200.0, 220.0),
                RowFactory.create(50.0, 50.0), RowFactory.create(400.0, 360.0));
        Dataset<Row> frame = spark.createDataFrame(rows, schema);

        ForecastMetrics metrics = ForecastMetrics.of(frame, "actual", "predicted");

        assertThat(metrics.mae()).isCloseTo(17.5, within(1e-9));
        assertThat(metrics.rmse()).isCloseTo(22.912878, within(1e-6));
        assertThat(metrics.mapePercent()).isCloseTo(7.5, within(1e-9));
    }

    @Test
    void zeroActualIsRejected() {
        assertThatThrownBy(() -> ForecastMetrics.of(new double[] {0, 1}, new double[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("index 0");
    }

    @Test
    void lengthMismatchIsRejected() {
        assertThatThrownBy(() -> ForecastMetrics.of(new double[] {1, 2}, new double[] {1}))
                .hasMessage("Cannot compare 2 actual values with 1 predictions");
    }
}
