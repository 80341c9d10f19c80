package io.gridcast.meter;

import static org.apache.spark.sql.functions.col;

import io.gridcast.forecast.Versions;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import io.gridcast.registry.InputFingerprint;
import io.gridcast.registry.ModelRegistry;
import io.gridcast.registry.ModelVersion;
import io.gridcast.registry.RegistryJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One training run of the household usage LSTMs: reads the consumption channel of
 * {@code meter_interval}, trains per-meter models and the shared model, publishes the
 * forecasts of every model and baseline to {@code meter_forecasts}, and registers both models.
 */
public final class MeterLstmRun {

    /** Registry name of the per-meter models (one version covers every meter of a run). */
    public static final String PER_METER_MODEL = "meter-lstm-per-meter";
    /** Registry name of the model shared by all meters. */
    public static final String SHARED_MODEL = "meter-lstm-shared";

    private static final Logger LOG = LoggerFactory.getLogger(MeterLstmRun.class);
    private static final List<String> FINGERPRINT_COLUMNS =
            List.of("meter_id", "interval_start_utc", "energy_kwh");

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final MeterLstmOptions options;
    private final ZoneId zone;

    public MeterLstmRun(SparkSession spark, TableCatalog catalog, MeterLstmOptions options,
            ZoneId zone) {
        this.spark = spark;
        this.catalog = catalog;
        this.options = options;
        this.zone = zone;
    }

    /** Scores of one meter: every model in every evaluation. */
    public record MeterScores(String meterId, long gapIntervals, double trainSeconds,
            List<MeterEvaluation.Score> scores) implements java.io.Serializable {
    }

    /**
     * Result of a run: scores per meter, forecast rows, registered versions and timings.
     *
     * @param metrics pooled scores over all meters, as registered (see {@link #metrics})
     */
    public record Outcome(List<MeterScores> meters, long forecastRows,
            List<ModelVersion> registered, double sharedTrainSeconds,
            Map<String, Object> metrics) {
    }

    /**
     * Trains, scores, publishes and registers.
     *
     * @param withSharedModel also train the model shared by all meters
     */
    public Outcome run(ModelRegistry registry, boolean withSharedModel, String runId,
            Instant runTime) {
        if (!spark.catalog().tableExists(catalog.qualified(Tables.METER_INTERVAL.name()))) {
            throw new io.gridcast.ingest.InvalidInputException("Table not found: "
                    + catalog.qualified(Tables.METER_INTERVAL.name())
                    + ": run gridcast ingest smt first");
        }
        Dataset<Row> usage = catalog.read(Tables.METER_INTERVAL.name())
                .filter(col("channel").equalTo("consumption"))
                .select("meter_id", "interval_start_utc", "energy_kwh").cache();
        long inputRows = usage.count();
        List<String> meterIds = usage.select("meter_id").distinct().orderBy("meter_id")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        if (meterIds.isEmpty()) {
            throw new io.gridcast.ingest.InvalidInputException("No consumption rows in "
                    + catalog.qualified(Tables.METER_INTERVAL.name())
                    + ": run gridcast ingest smt first");
        }
        MeterLstmTraining training = new MeterLstmTraining(spark, options, zone);
        JavaRDD<MeterSeries> series = training.series(usage, meterIds.size())
                .persist(StorageLevel.MEMORY_AND_DISK());
        LOG.info("Training one LSTM per meter for {} meter(s), {} rows", meterIds.size(),
                inputRows);
        JavaRDD<MeterEvaluation> evaluations = training.perMeter(series)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<MeterScores> meters = scoresOf(evaluations);
        if (meters.stream().allMatch(meter -> meter.scores().isEmpty())) {
            throw new io.gridcast.ingest.InvalidInputException("No meter has enough data to "
                    + "train and score an LSTM (see the warnings above); nothing was registered");
        }

        MultiLayerNetwork shared = null;
        JavaRDD<MeterEvaluation> sharedEvaluations = null;
        double sharedSeconds = 0;
        if (withSharedModel) {
            LOG.info("Training one LSTM shared by {} meter(s) with parameter averaging",
                    meterIds.size());
            long started = System.nanoTime();
            MeterLstmTraining.Shared result = training.shared(series);
            sharedEvaluations = result.evaluations().persist(StorageLevel.MEMORY_AND_DISK());
            Map<String, List<MeterEvaluation.Score>> sharedScores = new java.util.HashMap<>();
            scoresOf(sharedEvaluations)
                    .forEach(scores -> sharedScores.put(scores.meterId(), scores.scores()));
            sharedSeconds = (System.nanoTime() - started) / 1e9;
            shared = result.network();
            meters = withShared(meters, sharedScores);
        }

        long forecastRows = publishForecasts(sharedEvaluations == null ? evaluations
                : evaluations.union(sharedEvaluations), meterIds, runId);
        String fingerprint = InputFingerprint.of(usage, FINGERPRINT_COLUMNS);
        LocalDate[] span = localDates(usage);
        List<ModelVersion> registered = new ArrayList<>();
        registered.add(register(registry, PER_METER_MODEL, MeterForecasts.LSTM, meters, null,
                span, inputRows, fingerprint, runId, runTime));
        if (shared != null) {
            registered.add(register(registry, SHARED_MODEL, MeterForecasts.LSTM_SHARED, meters,
                    shared, span, inputRows, fingerprint, runId, runTime));
        }
        evaluations.unpersist();
        if (sharedEvaluations != null) {
            sharedEvaluations.unpersist();
        }
        series.unpersist();
        usage.unpersist();
        return new Outcome(meters, forecastRows, registered, sharedSeconds,
                metrics(meters, MeterForecasts.LSTM));
    }

    /** Returns the local dates of the first and last interval of {@code usage}. */
    private LocalDate[] localDates(Dataset<Row> usage) {
        Row span = usage.agg(org.apache.spark.sql.functions.min("interval_start_utc"),
                org.apache.spark.sql.functions.max("interval_start_utc")).first();
        return new LocalDate[] {((Instant) span.get(0)).atZone(zone).toLocalDate(),
            ((Instant) span.get(1)).atZone(zone).toLocalDate()};
    }

    /** Collects the scores of {@code evaluations}, leaving their forecasts in the tasks. */
    private static List<MeterScores> scoresOf(JavaRDD<MeterEvaluation> evaluations) {
        return new ArrayList<>(evaluations.map(e -> new MeterScores(e.meterId(),
                e.gapIntervals(), e.trainSeconds(), e.scores())).collect());
    }

    private static List<MeterScores> withShared(List<MeterScores> meters,
            Map<String, List<MeterEvaluation.Score>> shared) {
        List<MeterScores> combined = new ArrayList<>();
        for (MeterScores meter : meters) {
            List<MeterEvaluation.Score> scores = new ArrayList<>(meter.scores());
            scores.addAll(shared.getOrDefault(meter.meterId(), List.of()));
            combined.add(new MeterScores(meter.meterId(), meter.gapIntervals(),
                    meter.trainSeconds(), scores));
        }
        return combined;
    }

    private long publishForecasts(JavaRDD<MeterEvaluation> evaluations, List<String> meterIds,
            String runId) {
        JavaRDD<Row> rows = evaluations.flatMap(evaluation -> evaluation.forecasts().stream()
                .map(f -> RowFactory.create(evaluation.meterId(), f.evaluation(), f.model(),
                        f.originUtc(), f.intervalStartUtc(), f.step(), f.predictedKwh(),
                        f.actualKwh(), runId))
                .iterator());
        Dataset<Row> forecasts = spark.createDataFrame(rows, Tables.METER_FORECASTS.schema())
                .cache();
        long count = forecasts.count();
        catalog.replace(Tables.METER_FORECASTS, forecasts,
                "t.meter_id IN " + TableCatalog.sqlList(meterIds));
        forecasts.unpersist();
        return count;
    }

    private ModelVersion register(ModelRegistry registry, String name, String model,
            List<MeterScores> meters, MultiLayerNetwork network, LocalDate[] span,
            long inputRows, String fingerprint, String runId, Instant runTime) {
        LocalDate first = span[0];
        LocalDate last = span[1];
        ModelVersion candidate = new ModelVersion(name, 0, "dl4j-lstm", "energy_kwh",
                "ERCOT", meters.size() + " meter(s)", RegistryJson.write(parameters()),
                RegistryJson.write(List.of("energy_kwh (scaled)", "time_of_day_sin",
                        "time_of_day_cos", "day_of_week_sin", "day_of_week_cos")),
                RegistryJson.write(metrics(meters, model)), first, null, null, null, null, last,
                inputRows, fingerprint, null, Versions.gridcast(),
                RegistryJson.write(Versions.libraries(spark)),
                runTime, "candidate", runId);
        return registry.registerOnce(candidate,
                network == null ? null : artifact -> save(network, artifact));
    }

    private Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("look_back_intervals", options.lookBackIntervals());
        parameters.put("horizon_intervals", options.horizonIntervals());
        parameters.put("layers", options.layers());
        parameters.put("units", options.units());
        parameters.put("epochs", options.epochs());
        parameters.put("batch_size", options.batchSize());
        parameters.put("learning_rate", options.learningRate());
        parameters.put("train_fraction", options.trainFraction());
        parameters.put("rolling_origins", options.rollingOrigins());
        parameters.put("seed", options.seed());
        parameters.put("zone", zone.getId());
        return parameters;
    }

    /**
     * Pooled RMSE and MAE over all meters for {@code model} and each baseline, per evaluation,
     * and the model's skill (1 - RMSE / baseline RMSE) against each baseline.
     */
    public static Map<String, Object> metrics(List<MeterScores> meters, String model) {
        Map<String, double[]> pooled = new LinkedHashMap<>();
        for (MeterScores meter : meters) {
            for (MeterEvaluation.Score score : meter.scores()) {
                if (score.values() == 0) {
                    continue;
                }
                double[] sums = pooled.computeIfAbsent(score.evaluation() + "/" + score.model(),
                        key -> new double[3]);
                sums[0] += score.values();
                sums[1] += score.values() * score.rmseKwh() * score.rmseKwh();
                sums[2] += score.values() * score.maeKwh();
            }
        }
        Map<String, Object> metrics = new LinkedHashMap<>();
        pooled.forEach((key, sums) -> {
            metrics.put(key + "/rmse_kwh", Math.sqrt(sums[1] / sums[0]));
            metrics.put(key + "/mae_kwh", sums[2] / sums[0]);
        });
        for (String evaluation : List.of("holdout", "rolling_origin")) {
            Object modelRmse = metrics.get(evaluation + "/" + model + "/rmse_kwh");
            for (String baseline : List.of(MeterForecasts.PERSISTENCE, MeterForecasts.YESTERDAY,
                    MeterForecasts.LAST_WEEK)) {
                Object baselineRmse = metrics.get(evaluation + "/" + baseline + "/rmse_kwh");
                if (modelRmse != null && baselineRmse != null) {
                    metrics.put(evaluation + "/skill_vs_" + baseline,
                            1 - (double) modelRmse / (double) baselineRmse);
                }
            }
        }
        return metrics;
    }

    private void save(MultiLayerNetwork network, String artifactUri) {
        Path path = new Path(artifactUri + "/model.zip");
        try {
            FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (OutputStream out = fs.create(path, true)) {
                ModelSerializer.writeModel(network, out, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save model to " + artifactUri, e);
        }
    }
}
