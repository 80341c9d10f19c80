package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.price.DayAheadPriceForecaster.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;

class MlpPriceForecasterTest {

    private static final int DAYS = 364;
    private static final int FIRST_TEST_DAY = DAYS - 28;

    /** Training epochs that fit the synthetic pattern well enough to beat the naive forecast. */
    private static final int FULL_EPOCHS = 80;

    /** Training epochs for tests that compare runs and need no accuracy. */
    private static final int SHORT_EPOCHS = 15;

    private static PriceNetworkOptions smallOptions(int epochs, int recalibrationDays) {
        return new PriceNetworkOptions(32, epochs, 32, 5e-3, 0.1, 1e-5, 7, 8, 8, 0.2, 10,
                recalibrationDays, 2, 0.0, 7);
    }

    @Test
    void beatsNaiveOnWeeklyPattern() {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, 11);
        MlpPriceForecaster forecaster =
                new MlpPriceForecaster(smallOptions(FULL_EPOCHS, 7));

        double[][] forecasts = forecaster.forecast(days, FIRST_TEST_DAY, DAYS,
                ProgressListener.NONE);

        double naiveMae = SyntheticPriceDays.maePerMwh(days, FIRST_TEST_DAY,
                SyntheticPriceDays.naiveForecast(days, FIRST_TEST_DAY, DAYS));
        double mlpMae = SyntheticPriceDays.maePerMwh(days, FIRST_TEST_DAY, forecasts);
        assertThat(forecasts).hasNumberOfRows(28);
        assertThat(mlpMae).isLessThan(0.8 * naiveMae);
    }

    @Test
    void forecastsIgnoreSameDayAndLaterPrices() {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, 12);
        int shiftedDay = FIRST_TEST_DAY + 10;
        PriceDays shifted = SyntheticPriceDays.withShiftedDay(days, shiftedDay, 1000);
        MlpPriceForecaster forecaster =
                new MlpPriceForecaster(smallOptions(SHORT_EPOCHS, 7));

        double[][] original = forecaster.forecast(days, FIRST_TEST_DAY, DAYS,
                ProgressListener.NONE);
        double[][] changed = forecaster.forecast(shifted, FIRST_TEST_DAY, DAYS,
                ProgressListener.NONE);

        for (int day = FIRST_TEST_DAY; day <= shiftedDay; day++) {
            assertThat(changed[day - FIRST_TEST_DAY]).as("forecast of day %d", day)
                    .containsExactly(original[day - FIRST_TEST_DAY]);
        }
        assertThat(changed[shiftedDay + 1 - FIRST_TEST_DAY]).as("forecast of the next day")
                .isNotEqualTo(original[shiftedDay + 1 - FIRST_TEST_DAY]);
    }

    @Test
    void repeatedRunsGiveEqualForecasts() {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, 13);
        PriceNetworkOptions options = smallOptions(SHORT_EPOCHS, 14);

        PriceNetworkResult first = new MlpPriceForecaster(options).run(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);
        PriceNetworkResult second = new MlpPriceForecaster(options).run(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);

        assertThat(second.forecastsPerMwh()).isDeepEqualTo(first.forecastsPerMwh());
        assertThat(second.bestEpoch()).isEqualTo(first.bestEpoch());
    }

    @Test
    void writtenNetworkRestoresWeights() throws IOException {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, 14);
        MlpPriceForecaster forecaster =
                new MlpPriceForecaster(smallOptions(SHORT_EPOCHS, 0));
        PriceNetworkResult result = forecaster.run(days, FIRST_TEST_DAY, DAYS,
                ProgressListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        result.writeNetwork(bytes);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        assertThat(restored.params()).isEqualTo(result.network().params());
        assertThat(result.model()).isEqualTo("mlp");
        assertThat(result.options()).containsEntry("hidden_units", "32")
                .containsEntry("recalibration_days", "0");
        assertThat(result.trainingTime()).isPositive();
        assertThat(result.bestEpoch()).isBetween(1, SHORT_EPOCHS);
    }
}
