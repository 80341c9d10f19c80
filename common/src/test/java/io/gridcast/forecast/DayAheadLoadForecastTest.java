package io.gridcast.forecast;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import io.gridcast.ingest.PjmLoadIngest;
import io.gridcast.time.MarketZones;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DayAheadLoadForecastTest extends SparkTestBase {

    private static final LocalDate TEST_START = LocalDate.parse("2018-06-01");
    private static Dataset<Row> series;

    /** PJM East load from 2018-01-01 to 2018-08-02, read from the bundled sample. */
    @BeforeAll
    static void readSlice() throws IOException {
        Path sample = repositoryRoot().resolve("data/samples/pjm_hourly_load/PJME_hourly_2015-2018.csv");
        Path slice = Files.createTempDirectory("pjme-slice").resolve("PJME_2018.csv");
        try (Stream<String> lines = Files.lines(sample)) {
            List<String> kept = lines.filter(l -> l.startsWith("Datetime") || l.startsWith("2018-"))
                    .collect(Collectors.toList());
            Files.write(slice, kept);
        }
        series = new PjmLoadIngest(spark).read(slice.toString(), "run-test", Instant.EPOCH)
                .loadHourly().cache();
    }

    private static DayAheadLoadForecast forecaster() {
        DayAheadLoadForecast.Options options = new DayAheadLoadForecast.Options(MarketZones.PJM, 10,
                List.of(1, 2, 7), List.of(24, 168), TEST_START, 365, 30, true, true);
        XgboostParameters parameters = new XgboostParameters(1, 1, 300, 10, 0.3, 6, 1.0, 0.8,
                0.8, 7);
        return new DayAheadLoadForecast(options, parameters);
    }

    @Test
    void periodsDoNotOverlap() {
        TimeSplit split = forecaster().split(series);

        long training = series.filter(split.isTraining("operating_date")).count();
        long validation = series.filter(split.isValidation("operating_date")).count();
        long test = series.filter(split.isTest("operating_date")).count();

        assertThat(training + validation + test).isEqualTo(series.count());
        assertThat(split.validationStart()).isEqualTo(LocalDate.parse("2018-05-02"));
        assertThat(split.testEnd()).isEqualTo(LocalDate.parse("2018-08-02"));
    }

    @Test
    void changingTestLoadsLeavesTrainingUnchanged() {
        DayAheadLoadForecast.Outcome original = forecaster().run(series);
        // Triple every test-period load: a model that saw the test period while training or
        // stopping early would change.
        Dataset<Row> altered = series.withColumn("load_mw",
                when(col("operating_date").geq(lit(TEST_START)), col("load_mw").multiply(3))
                        .otherwise(col("load_mw")));
        DayAheadLoadForecast.Outcome changed = forecaster().run(altered);

        assertThat(changed.model().bestIteration()).isEqualTo(original.model().bestIteration());
        assertThat(changed.model().validationRmse()).isEqualTo(original.model().validationRmse());
        assertThat(changed.calendarOnlyModel().validationRmse())
                .isEqualTo(original.calendarOnlyModel().validationRmse());
        List<Double> firstDayOriginal = firstTestDayPredictions(original);
        List<Double> firstDayChanged = firstTestDayPredictions(changed);
        // The first test day is forecast on the day before it, from loads known by then.
        assertThat(firstDayChanged).isEqualTo(firstDayOriginal);
    }

    @Test
    void modelBeatsWeeklyNaive() {
        DayAheadLoadForecast.Outcome outcome = forecaster().run(series);

        double model = outcome.testMetrics().get(DayAheadLoadForecast.MODEL).mapePercent();
        double naive = outcome.testMetrics().get(DayAheadLoadForecast.WEEKLY_NAIVE).mapePercent();
        assertThat(model).isLessThan(naive);
        assertThat(outcome.testMetrics().get(DayAheadLoadForecast.MODEL).count())
                .isEqualTo(outcome.testMetrics().get(DayAheadLoadForecast.WEEKLY_NAIVE).count());
    }

    private static List<Double> firstTestDayPredictions(DayAheadLoadForecast.Outcome outcome) {
        return outcome.testForecasts()
                .filter(col("model").equalTo(DayAheadLoadForecast.MODEL)
                        .and(col("operating_date").equalTo(lit(TEST_START))))
                .orderBy("interval_start_utc")
                .select("predicted_mw").as(org.apache.spark.sql.Encoders.DOUBLE()).collectAsList();
    }
}
