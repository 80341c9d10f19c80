package io.gridcast.jobs;

import static org.apache.spark.sql.functions.col;

import io.gridcast.forecast.DayAheadLoadForecast;
import io.gridcast.forecast.LoadForecastRun;
import io.gridcast.forecast.XgboostParameters;
import io.gridcast.io.Tables;
import io.gridcast.time.MarketZones;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast train load-xgboost}: day-ahead load models for series of load_hourly. */
@Command(name = "load-xgboost", mixinStandardHelpOptions = true,
        description = {
            "Trains the day-ahead XGBoost load model of each series (iso, zone) of load_hourly, "
                    + "scores it on the test period against the weekly-naive and calendar-only "
                    + "baselines, registers it and publishes the forecasts.",
            "Forecast and model settings: gridcast.forecast.* and gridcast.xgboost.*."})
final class TrainLoadXgboostCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--iso", defaultValue = "PJM",
            description = "Market of the series (default: ${DEFAULT-VALUE}).")
    String iso;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Zone to train; repeatable (default: every zone of the market).")
    List<String> zones = new ArrayList<>();

    @Option(names = "--test-start", paramLabel = "YYYY-MM-DD",
            description = "First operating date of the test period (default: forecast.test-start, "
                    + "or the last forecast.test-days days).")
    java.time.LocalDate testStart;

    @Override
    public Integer call() {
        var settings = options.settings();
        if (testStart != null) {
            settings = settings.with("forecast.test-start", testStart.toString());
        }
        String market = iso.toUpperCase(Locale.ROOT);
        checkSettings(settings, market);
        try (JobContext context = new JobContext("train-load-xgboost", settings, 1,
                Clock.systemUTC())) {
            List<LoadForecastRun.Summary> summaries = train(context, market, zones);
            for (LoadForecastRun.Summary summary : summaries) {
                Summaries.printForecastReport(System.out, summary);
            }
            System.out.printf("train load-xgboost finished in %.1f s: %s%n",
                    context.progress.elapsedSeconds(), summaries.stream()
                            .map(s -> s.iso() + " " + s.zone() + " test MAPE " + Summaries.mapes(s))
                            .reduce((a, b) -> a + "; " + b).orElse("no series"));
        }
        return 0;
    }

    /**
     * Checks the forecast and XGBoost settings before any data is read or written.
     *
     * @throws IllegalArgumentException naming the setting that is invalid
     */
    static void checkSettings(io.gridcast.config.Settings settings, String iso) {
        DayAheadLoadForecast.Options.from(settings, MarketZones.of(iso));
        XgboostParameters parameters = XgboostParameters.from(settings);
        String master = settings.has("spark.master") ? settings.string("spark.master") : "";
        int slots = localTaskSlots(master);
        if (parameters.numWorkers() > slots) {
            throw new IllegalArgumentException("Invalid setting gridcast.xgboost.num-workers: "
                    + parameters.numWorkers() + " exceeds the " + slots
                    + " task slots of Spark master " + master + "; set xgboost.num-workers="
                    + slots + " or give Spark more cores");
        }
    }

    /**
     * Returns how many tasks a local master runs at once: {@code local} 1, {@code local[N]} N,
     * {@code local[*]} the processors; for a cluster master, no limit.
     */
    static int localTaskSlots(String master) {
        java.util.regex.Matcher local = java.util.regex.Pattern
                .compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?").matcher(master);
        if (!local.matches()) {
            return Integer.MAX_VALUE;
        }
        String threads = local.group(1);
        if (threads == null) {
            return 1;
        }
        return threads.equals("*") ? Runtime.getRuntime().availableProcessors()
                : Integer.parseInt(threads);
    }

    /** Trains one model per zone of {@code iso} in load_hourly; also the pipeline's last stage. */
    static List<LoadForecastRun.Summary> train(JobContext context, String iso, List<String> zones) {
        checkWorkers(context);
        context.catalog.ensure(Tables.LOAD_HOURLY);
        Dataset<Row> load = context.catalog.read(Tables.LOAD_HOURLY.name())
                .filter(col("iso").equalTo(iso));
        List<String> available = load.select("zone").distinct().orderBy("zone")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        if (available.isEmpty()) {
            throw new IllegalArgumentException("No " + iso + " rows in "
                    + context.catalog.qualified(Tables.LOAD_HOURLY.name())
                    + ": run gridcast ingest pjm-load first");
        }
        List<String> selected = zones.isEmpty() ? available : zones;
        for (String zone : selected) {
            if (!available.contains(zone)) {
                throw new IllegalArgumentException("Zone not found: " + iso + " " + zone
                        + " (zones in load_hourly: " + String.join(", ", available) + ")");
            }
        }

        LoadForecastRun run = new LoadForecastRun(context.spark, context.catalog,
                context.registry(),
                DayAheadLoadForecast.Options.from(context.settings, MarketZones.of(iso)),
                XgboostParameters.from(context.settings));
        List<LoadForecastRun.Summary> summaries = new ArrayList<>();
        context.progress.stage("train and forecast " + iso + " " + String.join(", ", selected));
        for (String zone : selected) {
            Dataset<Row> series = load.filter(col("zone").equalTo(zone));
            LoadForecastRun.Summary summary = run.run(series, iso, zone, context.runId,
                    context.runTime);
            context.progress.rows("forecast " + zone + " test", summary.testMetrics()
                    .values().iterator().next().count());
            summaries.add(summary);
        }
        return summaries;
    }

    /** Fails fast when XGBoost would wait for more barrier tasks than local Spark can run. */
    private static void checkWorkers(JobContext context) {
        int workers = context.settings.integer("xgboost.num-workers");
        int slots = context.spark.sparkContext().defaultParallelism();
        if (context.spark.sparkContext().isLocal() && workers > slots) {
            throw new IllegalArgumentException("Invalid setting gridcast.xgboost.num-workers: "
                    + workers + " exceeds the " + slots + " task slots of local Spark; set "
                    + "xgboost.num-workers=" + slots + " or give Spark more cores");
        }
    }
}
