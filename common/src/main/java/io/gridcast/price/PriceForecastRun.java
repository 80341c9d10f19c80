package io.gridcast.price;

import io.gridcast.forecast.Versions;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.registry.InputFingerprint;
import io.gridcast.registry.ModelRegistry;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.RegistryJson;
import io.gridcast.report.Chart;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One evaluation of day-ahead price models on a market: reads {@code price_inputs_hourly},
 * forecasts every day of the test period with the naive benchmark and each model, scores
 * them, runs Diebold-Mariano tests between every pair, publishes {@code price_forecasts},
 * {@code price_forecast_metrics} and {@code price_dm_tests}, registers the models and draws
 * forecast-versus-actual plots. Each run replaces the market's rows of the three tables, so
 * they contain one run's models on one test period. Earlier runs stay in the tables'
 * snapshot history.
 */
public final class PriceForecastRun {

    /** The mean of the two neural models' forecasts, scored whenever both run. */
    public static final String NEURAL_ENSEMBLE = "nn_ensemble";

    private static final Logger LOG = LoggerFactory.getLogger(PriceForecastRun.class);

    private final SparkSession spark;
    private final TableCatalog catalog;

    public PriceForecastRun(SparkSession spark, TableCatalog catalog) {
        this.spark = spark;
        this.catalog = catalog;
    }

    /**
     * The market, test period and models of a run.
     *
     * @param market market in {@code price_inputs_hourly}
     * @param testStart first test delivery day, or null for the last {@code testDays} days
     * @param testDays test days when {@code testStart} is null, or at most from it
     * @param models models to score besides the naive forecast
     * @param plotStart first day of the fortnight plotted, or null for the fortnight around
     *     the highest test price
     */
    public record Request(String market, LocalDate testStart, int testDays,
            List<PriceModel> models, LocalDate plotStart) {
    }

    /** Score and timing of one model. */
    public record ModelResult(String model, PriceMetrics metrics, double trainSeconds,
            ModelVersion registered) {
    }

    /**
     * Result of a run.
     *
     * @param plots URIs of the chart files written
     * @param charts the same charts, in the same order
     */
    public record Outcome(String market, String currency, LocalDate testStart,
            LocalDate testEnd, List<ModelResult> models, List<DmResult> tests,
            long forecastRows, long inputRows, List<String> plots, List<Chart> charts) {
    }

    /** One Diebold-Mariano test: is {@code modelB} more accurate than {@code modelA}. */
    public record DmResult(String modelA, String modelB, DieboldMariano test) {
    }

    /** Forecasts, scores, publishes and registers. */
    public Outcome run(Request request, ModelRegistry registry, String plotFolderUri,
            String runId, Instant runTime) {
        PriceSeriesReader reader = new PriceSeriesReader(spark, catalog);
        PriceSeriesReader.Series series = reader.read(request.market());
        PriceDays days = series.days();
        int firstTestDay = firstTestDay(request, days, historyDays(request.models()));
        int endTestDay = Math.min(days.days(), firstTestDay + request.testDays());
        LOG.info("Price models for {}: {} days from {} to {}, test {} to {}", days.market(),
                days.days(), days.firstDay(), days.date(days.days() - 1),
                days.date(firstTestDay), days.date(endTestDay - 1));

        double[][] actual = slice(days.pricePerMwh(), firstTestDay, endTestDay);
        Map<String, double[][]> forecasts = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        List<PriceModel> models = new ArrayList<>();
        models.add(new NaivePriceModel());
        models.addAll(request.models());
        for (PriceModel model : models) {
            long started = System.nanoTime();
            forecasts.put(model.name(), model.forecast(days, firstTestDay, endTestDay));
            seconds.put(model.name(), (System.nanoTime() - started) / 1e9);
            LOG.info("Model {} forecast {} day(s) in {} s", model.name(),
                    endTestDay - firstTestDay, String.format("%.1f", seconds.get(model.name())));
        }

        addNeuralEnsemble(forecasts, seconds);
        double[][] naive = forecasts.get(NaivePriceModel.NAME);
        Map<String, PriceMetrics> metrics = new LinkedHashMap<>();
        forecasts.forEach((name, forecast) ->
                metrics.put(name, PriceMetrics.of(actual, forecast, naive)));
        List<DmResult> tests = dieboldMariano(actual, forecasts);

        LocalDate testStart = days.date(firstTestDay);
        LocalDate testEnd = days.date(endTestDay - 1);
        long forecastRows = publishForecasts(days, series.currency(), firstTestDay, forecasts,
                runId);
        publishMetrics(days.market(), series.currency(), testStart, testEnd, metrics, seconds,
                runId);
        publishTests(days.market(), testStart, testEnd, tests, runId);

        String fingerprint = InputFingerprint.of(reader.rows(request.market()),
                List.of("delivery_date", "hour_ending", "price_per_mwh", "exogenous_1",
                        "exogenous_2"));
        List<ModelResult> results = new ArrayList<>();
        for (PriceModel model : models) {
            ModelVersion version = model.registered()
                    ? register(registry, model, days, firstTestDay, endTestDay, metrics,
                            series.rows(), fingerprint, runId, runTime)
                    : null;
            results.add(new ModelResult(model.name(), metrics.get(model.name()),
                    seconds.get(model.name()), version));
        }
        if (forecasts.containsKey(NEURAL_ENSEMBLE)) {
            results.add(new ModelResult(NEURAL_ENSEMBLE, metrics.get(NEURAL_ENSEMBLE),
                    seconds.get(NEURAL_ENSEMBLE), null));
        }
        Map<String, Chart> plots = new PricePlots(spark.sparkContext().hadoopConfiguration())
                .draw(plotFolderUri, days, firstTestDay, forecasts, series.currency(),
                        request.plotStart());
        return new Outcome(days.market(), series.currency(), testStart, testEnd, results,
                tests, forecastRows, series.rows(), List.copyOf(plots.keySet()),
                List.copyOf(plots.values()));
    }

    /**
     * Adds the hour-by-hour mean of the MLP and CNN-LSTM forecasts. Averaging networks that
     * err differently is the benchmark's own practice (its published DNN is a mean of four).
     */
    private static void addNeuralEnsemble(Map<String, double[][]> forecasts,
            Map<String, Double> seconds) {
        double[][] mlp = forecasts.get(NeuralPriceModel.MLP);
        double[][] cnnLstm = forecasts.get(NeuralPriceModel.CNN_LSTM);
        if (mlp == null || cnnLstm == null) {
            return;
        }
        double[][] mean = new double[mlp.length][PriceDays.HOURS];
        for (int day = 0; day < mlp.length; day++) {
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                mean[day][hour] = (mlp[day][hour] + cnnLstm[day][hour]) / 2.0;
            }
        }
        forecasts.put(NEURAL_ENSEMBLE, mean);
        seconds.put(NEURAL_ENSEMBLE, seconds.get(NeuralPriceModel.MLP)
                + seconds.get(NeuralPriceModel.CNN_LSTM));
    }

    private static int historyDays(List<PriceModel> models) {
        return models.stream().mapToInt(PriceModel::historyDays)
                .reduce(NaiveForecaster.HISTORY_DAYS, Math::max);
    }

    private static int firstTestDay(Request request, PriceDays days, int history) {
        if (days.days() <= history) {
            throw new InvalidInputException("The series of " + days.market() + " has "
                    + days.days() + " days (" + days.firstDay() + " to "
                    + days.date(days.days() - 1) + "), but the models need " + history
                    + " days of history before the first test day: ingest a longer series");
        }
        int first = request.testStart() == null
                ? days.days() - request.testDays()
                : days.dayOf(request.testStart());
        if (first < history || first >= days.days()) {
            String chosen = request.testStart() == null
                    ? " (the last " + request.testDays() + " days, price-models.test-days)" : "";
            throw new InvalidInputException("Cannot test price models of " + days.market()
                    + " from " + days.date(first) + chosen + ": the models need " + history
                    + " days of history before the first test day, so it must lie between "
                    + days.date(history) + " and " + days.date(days.days() - 1)
                    + " (the series runs from " + days.firstDay() + ")");
        }
        return first;
    }

    private static List<DmResult> dieboldMariano(double[][] actual,
            Map<String, double[][]> forecasts) {
        List<DmResult> tests = new ArrayList<>();
        for (Map.Entry<String, double[][]> a : forecasts.entrySet()) {
            for (Map.Entry<String, double[][]> b : forecasts.entrySet()) {
                if (!a.getKey().equals(b.getKey())) {
                    tests.add(new DmResult(a.getKey(), b.getKey(),
                            DieboldMariano.test(actual, a.getValue(), b.getValue())));
                }
            }
        }
        return tests;
    }

    private long publishForecasts(PriceDays days, String currency, int firstTestDay,
            Map<String, double[][]> forecasts, String runId) {
        List<Row> rows = new ArrayList<>();
        forecasts.forEach((model, byDay) -> {
            for (int d = 0; d < byDay.length; d++) {
                int day = firstTestDay + d;
                for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                    rows.add(RowFactory.create(days.market(), model, Date.valueOf(days.date(day)),
                            hour + 1, byDay[d][hour], days.pricePerMwh()[day][hour], currency,
                            runId));
                }
            }
        });
        Dataset<Row> table = spark.createDataFrame(rows, Tables.PRICE_FORECASTS.schema());
        catalog.replace(Tables.PRICE_FORECASTS, table, "t.market = "
                + TableCatalog.sqlString(days.market()));
        return rows.size();
    }

    private void publishMetrics(String market, String currency, LocalDate testStart,
            LocalDate testEnd, Map<String, PriceMetrics> metrics, Map<String, Double> seconds,
            String runId) {
        List<Row> rows = new ArrayList<>();
        metrics.forEach((model, m) -> rows.add(RowFactory.create(market, model,
                Date.valueOf(testStart), Date.valueOf(testEnd), m.hours(), m.maePerMwh(),
                m.rmsePerMwh(), m.smapePercent(), m.relativeMae(), m.relativeMaeWeekly(),
                m.spikeThresholdPerMwh(),
                m.spikeMaePerMwh(), m.spikeRmsePerMwh(), seconds.get(model), currency,
                runId)));
        catalog.replace(Tables.PRICE_FORECAST_METRICS,
                spark.createDataFrame(rows, Tables.PRICE_FORECAST_METRICS.schema()),
                "t.market = " + TableCatalog.sqlString(market));
    }

    private void publishTests(String market, LocalDate testStart, LocalDate testEnd,
            List<DmResult> tests, String runId) {
        List<Row> rows = new ArrayList<>();
        for (DmResult result : tests) {
            rows.add(RowFactory.create(market, result.modelA(), result.modelB(),
                    result.test().statistic(), result.test().pValue(), result.test().days(),
                    Date.valueOf(testStart), Date.valueOf(testEnd), runId));
        }
        catalog.replace(Tables.PRICE_DM_TESTS,
                spark.createDataFrame(rows, Tables.PRICE_DM_TESTS.schema()),
                "t.market = " + TableCatalog.sqlString(market));
    }

    private ModelVersion register(ModelRegistry registry, PriceModel model, PriceDays days,
            int firstTestDay, int endTestDay, Map<String, PriceMetrics> metrics, long inputRows,
            String fingerprint, String runId, Instant runTime) {
        String name = "price-" + model.name().replace('_', '-') + "-"
                + days.market().toLowerCase(java.util.Locale.ROOT);
        Map<String, Object> parameters = new LinkedHashMap<>(model.parameters());
        parameters.put("market", days.market());
        ModelVersion candidate = new ModelVersion(name, 0, model.algorithm(), "price_per_mwh",
                days.market(), days.market(), RegistryJson.write(parameters),
                RegistryJson.write(model.features()), RegistryJson.write(metricsJson(model.name(),
                        metrics)),
                days.date(Math.max(0, model.firstTrainingDay(firstTestDay))),
                days.date(firstTestDay - 1), null, null,
                days.date(firstTestDay), days.date(endTestDay - 1), inputRows, fingerprint,
                null, Versions.gridcast(), RegistryJson.write(Versions.libraries(spark)),
                runTime, "candidate", runId);
        return registry.registerOnce(candidate, artifact -> model.saveArtifact(artifact,
                spark.sparkContext().hadoopConfiguration()));
    }

    /** The model's own test metrics first, then the naive forecast's for reference. */
    private static Map<String, Object> metricsJson(String model,
            Map<String, PriceMetrics> metrics) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String name : List.of(model, NaivePriceModel.NAME)) {
            PriceMetrics m = metrics.get(name);
            json.put(name + "/mae_per_mwh", m.maePerMwh());
            json.put(name + "/rmse_per_mwh", m.rmsePerMwh());
            json.put(name + "/smape_percent", m.smapePercent());
            json.put(name + "/relative_mae", m.relativeMae());
            json.put(name + "/relative_mae_weekly", m.relativeMaeWeekly());
            json.put(name + "/spike_mae_per_mwh", m.spikeMaePerMwh());
        }
        return json;
    }

    static double[][] slice(double[][] byDay, int from, int to) {
        double[][] slice = new double[to - from][];
        for (int day = from; day < to; day++) {
            slice[day - from] = byDay[day];
        }
        return slice;
    }
}
