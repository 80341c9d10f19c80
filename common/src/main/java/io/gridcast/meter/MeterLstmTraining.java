package io.gridcast.meter;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.slf4j.LoggerFactory;

/**
 * Distributes the household usage LSTMs over Spark: one model per meter, meters spread across
 * tasks, and one model shared by all meters, trained with DL4J's parameter averaging across
 * Spark workers.
 */
public final class MeterLstmTraining {

    private final SparkSession spark;
    private final MeterLstmOptions options;
    private final ZoneId zone;

    public MeterLstmTraining(SparkSession spark, MeterLstmOptions options, ZoneId zone) {
        this.spark = spark;
        this.options = options;
        this.zone = zone;
    }

    /**
     * Groups usage rows into one series per meter, spread over up to one partition per meter.
     *
     * @param usage rows with {@code meter_id}, {@code interval_start_utc}, {@code energy_kwh}
     */
    public JavaRDD<MeterSeries> series(Dataset<Row> usage, int meters) {
        int partitions = Math.max(1, Math.min(meters, spark.sparkContext().defaultParallelism()));
        JavaPairRDD<String, Iterable<Row>> byMeter = usage
                .select("meter_id", "interval_start_utc", "energy_kwh").javaRDD()
                .groupBy(row -> row.getString(0), partitions);
        return byMeter.map(meter -> {
            Map<Instant, Double> energyByStart = new HashMap<>();
            for (Row row : meter._2()) {
                energyByStart.put(row.getAs(1), row.getDouble(2));
            }
            return MeterSeries.of(meter._1(), energyByStart);
        });
    }

    /**
     * Trains and scores one LSTM per meter inside the Spark tasks. A meter with too little
     * data is logged and left without scores, so that it does not stop the others.
     */
    public JavaRDD<MeterEvaluation> perMeter(JavaRDD<MeterSeries> series) {
        MeterLstmOptions settings = options;
        ZoneId marketZone = zone;
        return series.map(meter -> evaluateOrSkip(new MeterForecasts(settings, marketZone),
                meter));
    }

    private static MeterEvaluation evaluateOrSkip(MeterForecasts forecasts, MeterSeries meter) {
        try {
            return forecasts.evaluate(meter);
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(MeterLstmTraining.class).warn("Meter {} not scored: {}",
                    meter.meterId(), e.getMessage());
            return new MeterEvaluation(meter.meterId(), meter.gaps(), 0, 0, List.of(),
                    List.of());
        }
    }

    /**
     * Trains one LSTM on every meter's holdout training samples with parameter averaging
     * across Spark workers, then scores it per meter on the holdout test spans.
     *
     * @return the shared network and its evaluations, computed when first used
     */
    public Shared shared(JavaRDD<MeterSeries> series) {
        MeterLstmOptions settings = options;
        ZoneId marketZone = zone;
        JavaRDD<DataSet> samples = series.flatMap(meter -> new MeterForecasts(settings,
                marketZone).holdoutTrainingSamples(meter).iterator());
        ParameterAveragingTrainingMaster averaging =
                new ParameterAveragingTrainingMaster.Builder(1)
                        .batchSizePerWorker(options.batchSize())
                        .averagingFrequency(5)
                        .workerPrefetchNumBatches(0)
                        .rngSeed(options.seed())
                        .build();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SparkDl4jMultiLayer network = new SparkDl4jMultiLayer(context,
                options.forecaster().network(), averaging);
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            network.fit(samples);
        }
        MultiLayerNetwork trained = network.getNetwork();
        Broadcast<MultiLayerNetwork> broadcast = context.broadcast(trained);
        JavaRDD<MeterEvaluation> evaluations = series.map(meter -> new MeterForecasts(settings,
                marketZone).evaluateShared(meter, broadcast.value()));
        return new Shared(trained, evaluations);
    }

    /** The shared network and its holdout forecasts and scores, one evaluation per meter. */
    public record Shared(MultiLayerNetwork network, JavaRDD<MeterEvaluation> evaluations) {
    }
}
