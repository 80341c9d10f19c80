package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.price.DayAheadPriceForecaster.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MLP and the CNN-LSTM on a synthetic year with daily and weekly patterns. */
class NeuralPriceForecasterTest {

    private static final int DAYS = 364;
    private static final int FIRST_TEST_DAY = DAYS - 28;

    /** Training epochs that fit the synthetic pattern well enough to beat the naive forecast. */
    private static final int FULL_EPOCHS = 80;

    /** Training epochs for tests that compare runs and need no accuracy. */
    private static final int SHORT_EPOCHS = 15;

    /** Both networks, with the seed of their synthetic series and their registry name. */
    enum Network {
        MLP(MlpPriceForecaster::new, 11, "mlp"),
        CNN_LSTM(CnnLstmPriceForecaster::new, 21, "cnn-lstm");

        final Function<PriceNetworkOptions, NeuralPriceForecaster> factory;
        final long seriesSeed;
        final String name;

        Network(Function<PriceNetworkOptions, NeuralPriceForecaster> factory, long seriesSeed,
                String name) {
            this.factory = factory;
            this.seriesSeed = seriesSeed;
            this.name = name;
        }

        NeuralPriceForecaster create(int epochs, int recalibrationDays) {
            return factory.apply(new PriceNetworkOptions(32, epochs, 32, 5e-3, 0.1, 1e-5, 7, 8,
                    16, 0.2, 10, recalibrationDays, 2, 0.0, 7));
        }
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void beatsNaiveOnWeeklyPattern(Network network) {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, network.seriesSeed);

        double[][] forecasts = network.create(FULL_EPOCHS, 7).forecast(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);

        double naiveMae = SyntheticPriceDays.maePerMwh(days, FIRST_TEST_DAY,
                SyntheticPriceDays.naiveForecast(days, FIRST_TEST_DAY, DAYS));
        double networkMae = SyntheticPriceDays.maePerMwh(days, FIRST_TEST_DAY, forecasts);
        assertThat(forecasts).hasNumberOfRows(28);
        assertThat(networkMae).isLessThan(0.8 * naiveMae);
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void forecastsIgnoreSameDayAndLaterPrices(Network network) {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, network.seriesSeed + 1);
        int shiftedDay = FIRST_TEST_DAY + 10;
        PriceDays shifted = SyntheticPriceDays.withShiftedDay(days, shiftedDay, 1000);
        NeuralPriceForecaster forecaster = network.create(SHORT_EPOCHS, 7);

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

    @ParameterizedTest
    @EnumSource(Network.class)
    void repeatedRunsGiveEqualForecasts(Network network) {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, network.seriesSeed + 2);

        PriceNetworkResult first = network.create(SHORT_EPOCHS, 14).run(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);
        PriceNetworkResult second = network.create(SHORT_EPOCHS, 14).run(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);

        assertThat(second.forecastsPerMwh()).isDeepEqualTo(first.forecastsPerMwh());
        assertThat(second.bestEpoch()).isEqualTo(first.bestEpoch());
    }

    @ParameterizedTest
    @EnumSource(Network.class)
    void writtenNetworkRestoresWeights(Network network) throws IOException {
        PriceDays days = SyntheticPriceDays.weeklyPattern(DAYS, network.seriesSeed + 3);
        PriceNetworkResult result = network.create(SHORT_EPOCHS, 0).run(days, FIRST_TEST_DAY,
                DAYS, ProgressListener.NONE);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        result.writeNetwork(bytes);
        ComputationGraph restored = ModelSerializer.restoreComputationGraph(
                new ByteArrayInputStream(bytes.toByteArray()), true);

        assertThat(restored.params()).isEqualTo(result.network().params());
        assertThat(result.model()).isEqualTo(network.name);
        assertThat(result.options()).containsEntry("hidden_units", "32")
                .containsEntry("lstm_units", "16").containsEntry("recalibration_days", "0");
        assertThat(result.trainingTime()).isPositive();
        assertThat(result.bestEpoch()).isBetween(1, SHORT_EPOCHS);
    }
}
