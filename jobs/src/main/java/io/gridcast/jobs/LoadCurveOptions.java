package io.gridcast.jobs;

import io.gridcast.grid.GridBus;
import io.gridcast.grid.GridNetwork;
import io.gridcast.grid.LoadProfile;
import io.gridcast.ingest.InvalidInputException;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options that choose the hourly load curve a grid job solves: table, ISO, zone and days. */
final class LoadCurveOptions {

    @Option(names = "--load-profile", paramLabel = "TABLE", defaultValue = "load_hourly",
            description = "Table of the hourly load curve (default: ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--profile-iso", paramLabel = "ISO", defaultValue = "ERCOT",
            description = "ISO of the curve (default: ${DEFAULT-VALUE}).")
    String iso;

    @Option(names = "--profile-zone", paramLabel = "ZONE", defaultValue = "ERCOT",
            description = "Zone of the curve (default: ${DEFAULT-VALUE}, the ISO total).")
    String zone;

    @Option(names = "--load-scaling", paramLabel = "peak|level",
            description = "peak: the case's loads are the curve's peak hour and each hour "
                    + "scales them by the curve over its peak; level: each hour scales them so "
                    + "their total is the curve's MW (default: peak, or level for the bundled "
                    + "Texas case in pipeline grid).")
    Scaling scaling;

    /** Rule that turns the curve into factors on the case's bus loads. */
    enum Scaling { peak, level }

    @Option(names = "--start", paramLabel = "YYYY-MM-DD",
            description = "First market-local operating day of the curve to solve (default: "
                    + "its first day).")
    LocalDate start;

    @Option(names = "--end", paramLabel = "YYYY-MM-DD",
            description = "Operating day after the last one to solve (default: the curve's "
                    + "end).")
    LocalDate end;

    /**
     * Reads the chosen curve from the job's catalog as factors on {@code network}'s loads,
     * scaled by the {@code --load-scaling} rule, else by {@code defaultScaling}.
     */
    LoadProfile read(JobContext context, GridNetwork network, Scaling defaultScaling) {
        if (start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("Invalid --end " + end + ": it must be after --start "
                    + start + " (--end is the day after the last day solved)");
        }
        context.progress.stage("read the load curve " + iso + " " + zone + " from " + table);
        LoadProfile profile = LoadProfile.fromLoadTable(context.catalog.read(table), iso, zone,
                start, end);
        Scaling chosen = scaling != null ? scaling : defaultScaling;
        return chosen == Scaling.peak ? profile : profile.levelledTo(network.buses().stream()
                .mapToDouble(GridBus::loadMw).sum());
    }

    /** Returns the Spark tasks to solve the hours in: grid.lmp-partitions, or 4 per core. */
    static int partitions(JobContext context) {
        int configured = context.settings.integer("grid.lmp-partitions");
        return configured > 0 ? configured
                : 4 * context.spark.sparkContext().defaultParallelism();
    }
}
