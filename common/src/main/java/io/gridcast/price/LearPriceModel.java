package io.gridcast.price;

import io.gridcast.registry.ModelArtifacts;
import io.gridcast.registry.RegistryJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Tuple2;

/**
 * {@link LearForecaster} on Spark: every test day's recalibration is independent of the
 * others, so the days are spread over Spark tasks with the series broadcast once.
 */
public final class LearPriceModel implements PriceModel {

    public static final String NAME = "lear";
    private static final Logger LOG = LoggerFactory.getLogger(LearPriceModel.class);

    private final JavaSparkContext spark;
    private final LearForecaster lear;
    private PriceDays lastDays;
    private int lastDay = -1;

    public LearPriceModel(JavaSparkContext spark, LearForecaster lear) {
        this.spark = spark;
        this.lear = lear;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String algorithm() {
        return "lear";
    }

    @Override
    public double[][] forecast(PriceDays days, int firstTestDay, int endTestDay) {
        Broadcast<PriceDays> shared = spark.broadcast(days);
        LearForecaster model = lear;
        List<Integer> testDays = IntStream.range(firstTestDay, endTestDay).boxed().toList();
        int tasks = Math.min(testDays.size(), 4 * spark.defaultParallelism());
        LOG.info("LEAR: recalibrating {} day(s) x {} window(s) {} over {} Spark task(s)",
                testDays.size(), lear.calibrationWindowsDays().length,
                Arrays.toString(lear.calibrationWindowsDays()), tasks);
        List<Tuple2<Integer, double[]>> forecasts = spark.parallelize(testDays, tasks)
                .mapToPair(day -> new Tuple2<>(day, model.forecastDay(shared.value(), day)))
                .collect();
        shared.destroy();
        double[][] byDay = new double[testDays.size()][];
        forecasts.forEach(forecast -> byDay[forecast._1() - firstTestDay] = forecast._2());
        lastDays = days;
        lastDay = endTestDay - 1;
        return byDay;
    }

    @Override
    public int historyDays() {
        return lear.maxWindowDays();
    }

    @Override
    public int firstTrainingDay(int firstTestDay) {
        return firstTestDay - lear.maxWindowDays();
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("calibration_windows_days", lear.calibrationWindowsDays());
        parameters.put("recalibration", "daily");
        parameters.put("transform", "invariant (median, MAD / 0.6745, asinh)");
        parameters.put("penalty_choice", "Akaike criterion on the lasso path, unit-norm inputs");
        parameters.put("information_criterion_penalty", LearForecaster.AKAIKE_PENALTY);
        parameters.put("price_lag_days", LearFeatures.PRICE_LAGS_DAYS);
        parameters.put("exogenous_lag_days", new int[] {0, 1, 7});
        return parameters;
    }

    /** Writes the 24 hourly models of the last test day, one file per window. */
    @Override
    public void saveArtifact(String folderUri, Configuration hadoop) {
        if (lastDay < 0) {
            return;
        }
        for (int window : lear.calibrationWindowsDays()) {
            LearForecaster.DayModel model = LearForecaster.calibrate(lastDays, lastDay, window);
            ModelArtifacts.writeFile(folderUri + "/lear-" + window + "-days.json",
                    RegistryJson.write(describe(model)).getBytes(StandardCharsets.UTF_8), hadoop);
        }
    }

    private Map<String, Object> describe(LearForecaster.DayModel model) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("market", lastDays.market());
        description.put("calibrated_for_delivery_date", lastDays.date(lastDay).toString());
        description.put("window_days", model.windowDays());
        description.put("inputs", IntStream.range(0, LearFeatures.COUNT)
                .mapToObj(LearFeatures::name).toList());
        description.put("input_medians", model.inputScaler().medians());
        description.put("input_deviations", model.inputScaler().deviations());
        description.put("price_medians", model.priceScaler().medians());
        description.put("price_deviations", model.priceScaler().deviations());
        List<Map<String, Object>> hours = new ArrayList<>();
        for (int hour = 0; hour < PriceDays.HOURS; hour++) {
            Map<String, Object> hourModel = new LinkedHashMap<>();
            hourModel.put("hour_ending", hour + 1);
            hourModel.put("alpha", model.alphas()[hour]);
            hourModel.put("intercept", model.intercepts()[hour]);
            Map<String, Double> weights = new LinkedHashMap<>();
            for (int j = 0; j < LearFeatures.COUNT; j++) {
                if (model.coefficients()[hour][j] != 0.0) {
                    weights.put(LearFeatures.name(j), model.coefficients()[hour][j]);
                }
            }
            hourModel.put("weights", weights);
            hours.add(hourModel);
        }
        description.put("hours", hours);
        return description;
    }
}
