package io.gridcast.jobs;

import io.gridcast.config.Settings;
import io.gridcast.ingest.PjmLoadIngest;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast ingest pjm-load}: PJM hourly load files into {@code load_hourly}. */
@Command(name = "pjm-load", mixinStandardHelpOptions = true,
        description = {
            "Reads PJM hourly load CSV files (Data Miner hrl_load_metered exports or "
                    + "Datetime,<ZONE>_MW files) into load_hourly; bad rows go to rejects.",
            "Re-running over the same input replaces its hours and adds no rows."})
final class IngestPjmLoadCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--input", paramLabel = "PATH|URI",
            description = "File or folder of .csv files, local, file: or s3a:// "
                    + "(default: pjm-load.input, the bundled sample).")
    String input;

    @Override
    public Integer call() {
        Settings settings = options.settings();
        String source = input != null ? input
                : InputDefaults.bundled(settings.string("pjm-load.input"));
        try (JobContext context = new JobContext("ingest-pjm-load", settings, 2,
                Clock.systemUTC())) {
            PjmLoadIngest.Result result = ingest(context, source);
            System.out.printf("ingest pjm-load finished in %.1f s: %s; %s%n",
                    context.progress.elapsedSeconds(), result.counts().summary(),
                    Summaries.series(result));
        }
        return 0;
    }

    /** Reads and publishes {@code source}; also the first stages of the pipeline. */
    static PjmLoadIngest.Result ingest(JobContext context, String source) {
        context.progress.stage("ingest " + source);
        PjmLoadIngest ingest = new PjmLoadIngest(context.spark);
        PjmLoadIngest.Result result = ingest.read(source, context.runId, context.runTime);
        context.progress.rows("parsed; " + result.counts().summary() + ";",
                result.counts().rowsRead());

        context.progress.stage("publish load_hourly and rejects");
        ingest.publish(context.catalog, result);
        context.progress.rows("published load_hourly", result.counts().accepted());
        return result;
    }
}
