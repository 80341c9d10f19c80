package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.forecast.Versions;
import io.gridcast.report.Report;
import io.gridcast.report.ReportStore;
import io.gridcast.report.Table;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts and writes the HTML report of a pipeline run. A pipeline writes its report after it
 * has published its tables, so a failed run writes none and {@code latest.html} keeps the
 * last successful run's report.
 */
final class RunReports {

    private static final DateTimeFormatter STARTED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private RunReports() {
    }

    /**
     * Starts the job's last stage and a report with the run's fields and a section of the
     * settings that shape its results: the Spark master, {@code keys} and every key under
     * {@code sections}.
     */
    static Report start(JobContext context, String title, List<String> keys,
            List<String> sections) {
        context.progress.stage("write run report");
        Report report = new Report(title)
                .field("run id", context.runId)
                .field("job", context.job)
                .field("started", STARTED.format(context.runTime))
                .field("elapsed", "")
                .field("warehouse", context.warehouse.uri())
                .field("gridcast version", Versions.gridcast());
        Map<String, String> values = new TreeMap<>();
        values.put("spark.master", context.settings.string("spark.master"));
        keys.forEach(key -> values.put(key, context.settings.string(key)));
        for (String section : sections) {
            context.settings.section(section).forEach((key, value) ->
                    values.put(section + "." + key, value));
        }
        Table settings = new Table("setting", "value");
        values.forEach((key, value) ->
                settings.row(key, Settings.isSecret(key) ? "****" : value));
        report.section("Settings").table(settings);
        return report;
    }

    /**
     * Sets the elapsed time, writes the report under the warehouse and returns where it is: a
     * local path for a local warehouse, else its URI.
     */
    static String write(JobContext context, Report report) {
        report.field("elapsed", String.format("%.1f s, up to writing this report",
                context.progress.elapsedSeconds()));
        String uri = ReportStore.write(report, context.warehouse.uri(), context.job,
                context.runId, context.spark.sparkContext().hadoopConfiguration());
        return context.warehouse.isLocal()
                ? new org.apache.hadoop.fs.Path(uri).toUri().getPath() : uri;
    }
}
