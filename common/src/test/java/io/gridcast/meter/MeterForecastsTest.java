package io.gridcast.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeterForecastsTest {

    private static final ZoneId CENTRAL = ZoneId.of("America/Chicago");
    private static final Instant START = Instant.parse("2022-03-01T06:00:00Z");
    private static final MeterLstmOptions OPTIONS =
            new MeterLstmOptions(96, 1, 1, 8, 1, 64, 0.01, 0.67, 0, 11);

    private static MeterSeries series(double[] energy) {
        return new MeterSeries("meter-a", START, energy);
    }

    private static Map<String, MeterEvaluation.Score> holdout(MeterEvaluation evaluation) {
        return evaluation.scores().stream().filter(s -> s.evaluation().equals("holdout"))
                .collect(Collectors.toMap(MeterEvaluation.Score::model, s -> s));
    }

    @Test
    void baselinesOnRampHaveHandErrors() {
        // Usage i kWh in interval i: persistence is 1 kWh short, yesterday 96 and last week 672.
        double[] ramp = new double[2016];
        Arrays.setAll(ramp, i -> i);

        Map<String, MeterEvaluation.Score> scores =
                holdout(new MeterForecasts(OPTIONS, CENTRAL).evaluate(series(ramp)));

        long testIntervals = 2016 - (int) (2016 * 0.67);
        assertThat(scores.get("persistence").values()).isEqualTo(testIntervals);
        assertThat(scores.get("persistence").rmseKwh()).isCloseTo(1, within(1e-9));
        assertThat(scores.get("persistence").maeKwh()).isCloseTo(1, within(1e-9));
        assertThat(scores.get("same_interval_yesterday").rmseKwh()).isCloseTo(96, within(1e-9));
        assertThat(scores.get("same_interval_last_week").maeKwh()).isCloseTo(672, within(1e-9));
        assertThat(scores.get("lstm").values()).isEqualTo(testIntervals);
    }

    @Test
    void nextDayForecastsStartAtMidnight() {
        // From a midnight origin, persistence is h kWh short at step h (1..96), so its RMSE
        // is sqrt(97 * 193 / 6), and yesterday is 96 kWh short at every step.
        double[] ramp = new double[2016];
        Arrays.setAll(ramp, i -> i);
        MeterLstmOptions nextDay = new MeterLstmOptions(96, 96, 1, 8, 1, 64, 0.01, 0.67, 0, 11);

        MeterEvaluation evaluation = new MeterForecasts(nextDay, CENTRAL).evaluate(series(ramp));

        Map<String, MeterEvaluation.Score> scores = holdout(evaluation);
        assertThat(scores.get("persistence").values() % 96).isZero();
        assertThat(scores.get("persistence").values()).isPositive();
        assertThat(scores.get("persistence").rmseKwh())
                .isCloseTo(Math.sqrt(97.0 * 193 / 6), within(1e-9));
        assertThat(scores.get("same_interval_yesterday").rmseKwh()).isCloseTo(96, within(1e-9));
        assertThat(evaluation.forecasts()).allMatch(f -> f.originUtc().atZone(CENTRAL)
                .toLocalTime().equals(java.time.LocalTime.MIDNIGHT));
    }

    @Test
    void testPeriodValuesDoNotReachTraining() {
        double[] daily = new double[2016];
        Arrays.setAll(daily, i -> 1 + Math.sin(2 * Math.PI * i / 96));
        double[] changedTest = daily.clone();
        int split = (int) (2016 * 0.67);
        for (int i = split; i < changedTest.length; i++) {
            changedTest[i] *= 10;
        }

        MeterEvaluation original = new MeterForecasts(OPTIONS, CENTRAL).evaluate(series(daily));
        MeterEvaluation changed =
                new MeterForecasts(OPTIONS, CENTRAL).evaluate(series(changedTest));

        MeterEvaluation.Forecast first = firstLstm(original);
        assertThat(first.originUtc()).isEqualTo(START.plusSeconds(900L * split));
        assertThat(firstLstm(changed).predictedKwh()).isEqualTo(first.predictedKwh());
    }

    private static MeterEvaluation.Forecast firstLstm(MeterEvaluation evaluation) {
        return evaluation.forecasts().stream().filter(f -> f.model().equals("lstm"))
                .findFirst().orElseThrow();
    }
}
