package io.gridcast.price;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LearForecasterTest {

    private static PriceDays germany;

    @BeforeAll
    static void readGermany() throws IOException {
        germany = EpfSample.germany();
    }

    /**
     * Forecasts recomputed with scikit-learn by {@code price/lear_reference.py} (lasso path by
     * lars_path, coordinate-descent Lasso), independently of this code.
     */
    @Test
    void matchesScikitLearnReference() throws IOException {
        for (String line : referenceLines()) {
            String[] cells = line.split(",");
            int day = germany.dayOf(LocalDate.parse(cells[0]));
            int windowDays = Integer.parseInt(cells[1]);
            double[] expected = Arrays.stream(cells, 2, 26).mapToDouble(Double::parseDouble)
                    .toArray();

            double[] forecast = LearForecaster.calibrate(germany, day, windowDays)
                    .forecast(germany, day);

            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                assertThat(forecast[hour]).as("%s window %d hour ending %d", cells[0],
                        windowDays, hour + 1).isCloseTo(expected[hour], within(1e-3));
            }
        }
    }

    @Test
    void ignoresPricesOfTheForecastDayAndLater() {
        int day = germany.dayOf(LocalDate.of(2016, 6, 6));
        LearForecaster lear = new LearForecaster(new int[] {84});
        double[] before = lear.forecastDay(germany, day);

        double[][] changed = Arrays.stream(germany.pricePerMwh()).map(double[]::clone)
                .toArray(double[][]::new);
        for (int d = day; d < changed.length; d++) {
            Arrays.fill(changed[d], 3000.0);
        }
        PriceDays spiked = new PriceDays("DE", germany.firstDay(), changed,
                germany.exogenous1(), germany.exogenous2());

        assertThat(lear.forecastDay(spiked, day)).containsExactly(before);
    }

    @Test
    void averagesOneModelPerWindow() {
        int day = germany.dayOf(LocalDate.of(2017, 3, 1));
        double[] short84 = LearForecaster.calibrate(germany, day, 84).forecast(germany, day);
        double[] short56 = LearForecaster.calibrate(germany, day, 56).forecast(germany, day);

        double[] ensemble = new LearForecaster(new int[] {56, 84}).forecastDay(germany, day);

        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            assertThat(ensemble[hour]).isCloseTo((short84[hour] + short56[hour]) / 2,
                    within(1e-9));
        }
    }

    @Test
    void windowBeforeSeriesStartFails() {
        int day = germany.dayOf(LocalDate.of(2012, 6, 1));

        assertThatThrownBy(() -> LearForecaster.calibrate(germany, day, 1456))
                .hasMessage("LEAR with a 1456-day window needs 1456 days before 2012-06-01,"
                        + " but the series of DE starts on 2012-01-09");
    }

    private static List<String> referenceLines() throws IOException {
        try (InputStream in = LearForecasterTest.class.getResourceAsStream(
                "/price/lear_reference_DE.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
                    .toList();
        }
    }
}
