package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceNetworkOptionsTest {

    private static PriceNetworkOptions withDropout(double dropout) {
        PriceNetworkOptions d = PriceNetworkOptions.defaults();
        return new PriceNetworkOptions(d.hiddenUnits(), d.epochs(), d.batchSize(),
                d.learningRate(), dropout, d.l2(), d.lookBackDays(), d.convFilters(),
                d.lstmUnits(), d.validationFraction(), d.patienceEpochs(),
                d.recalibrationDays(), d.recalibrationEpochs(), d.spikeWeight(), d.seed());
    }

    @Test
    void invalidDropoutNamesSetting() {
        assertThatThrownBy(() -> withDropout(1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid dropout: 1.0 (expected at least 0 and below 1)");
    }

    @Test
    void negativeRecalibrationDaysNamesSetting() {
        assertThatThrownBy(() -> PriceNetworkOptions.defaults().withRecalibrationDays(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid recalibration days: -1 (expected at least 0)");
    }

    @Test
    void zeroBatchSizeNamesSetting() {
        PriceNetworkOptions d = PriceNetworkOptions.defaults();
        assertThatThrownBy(() -> new PriceNetworkOptions(d.hiddenUnits(), d.epochs(), 0,
                d.learningRate(), d.dropout(), d.l2(), d.lookBackDays(), d.convFilters(),
                d.lstmUnits(), d.validationFraction(), d.patienceEpochs(),
                d.recalibrationDays(), d.recalibrationEpochs(), d.spikeWeight(), d.seed()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid batch size: 0 (expected at least 1)");
    }

    @Test
    void registryParametersListEverySetting() {
        PriceNetworkOptions options = PriceNetworkOptions.defaults().withRecalibrationDays(7);

        assertThat(options.toMap()).hasSize(15)
                .containsEntry("recalibration_days", "7")
                .containsEntry("seed", String.valueOf(PriceNetworkOptions.DEFAULT_SEED));
    }

    @Test
    void tooFewTrainingDaysRejected() {
        PriceDays days = SyntheticPriceDays.weeklyPattern(40, 1);
        MlpPriceForecaster forecaster = new MlpPriceForecaster(PriceNetworkOptions.defaults());

        assertThatThrownBy(() -> forecaster.forecast(days, 30, 40,
                DayAheadPriceForecaster.ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Too few training days for mlp: 30 (expected at least 71)");
    }
}
