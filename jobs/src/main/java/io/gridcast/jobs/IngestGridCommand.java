package io.gridcast.jobs;

import io.gridcast.grid.GridBranch;
import io.gridcast.grid.GridGenerator;
import io.gridcast.grid.GridNetwork;
import io.gridcast.grid.GridSource;
import io.gridcast.grid.GridTables;
import io.gridcast.grid.GridTopology;
import io.gridcast.grid.TopologyReport;
import io.gridcast.io.Tables;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast ingest grid}: a transmission network into the grid_* tables. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = {
            "Reads a transmission network, a MATPOWER case file (.m) or a folder with "
                    + "buses.csv, branches.csv and generators.csv, finds its islands, prints "
                    + "a topology report and replaces the case's rows in grid_bus, grid_branch "
                    + "and grid_generator."})
final class IngestGridCommand implements Callable<Integer> {

    @Mixin
    JobOptions options;

    @Option(names = "--input", required = true, paramLabel = "FILE|FOLDER",
            description = "MATPOWER case file (.m) or folder of network CSV files, local, "
                    + "file: or s3a://.")
    String input;

    @Option(names = "--case-name", paramLabel = "NAME",
            description = "Name of the case in the tables: letters, digits, _, . and - "
                    + "(default: the file name without .m, or the folder name).")
    String caseName;

    @Override
    public Integer call() {
        if (caseName != null) {
            GridSource.checkCaseName(caseName);
        }
        try (JobContext context = new JobContext("ingest-grid", options.settings(), 3,
                Clock.systemUTC())) {
            context.progress.stage("read " + input);
            GridSource source = GridSource.read(context.spark.sparkContext().hadoopConfiguration(),
                    input, caseName);
            GridNetwork network = source.network();
            context.progress.rows("parsed case " + network.caseName() + " ("
                    + network.buses().size() + " buses, " + network.branches().size()
                    + " branches, " + network.generators().size() + " generators);",
                    network.buses().size() + network.branches().size()
                            + network.generators().size());

            TopologyReport topology = publish(context, source);
            System.out.printf("ingest grid finished in %.1f s: case %s, %d buses, %d branches, "
                    + "%d generators, %d %s; tables %s replaced for the case%n",
                    context.progress.elapsedSeconds(), network.caseName(),
                    network.buses().size(), network.branches().size(),
                    network.generators().size(), topology.islands().size(),
                    topology.islands().size() == 1 ? "island" : "islands",
                    context.catalog.qualified("{" + Tables.GRID_BUS.name() + ","
                            + Tables.GRID_BRANCH.name() + "," + Tables.GRID_GENERATOR.name()
                            + "}"));
        }
        return 0;
    }

    /** Finds the islands of {@code source}'s network, prints them and publishes the grid tables. */
    static TopologyReport publish(JobContext context, GridSource source) {
        context.progress.stage("find islands");
        TopologyReport topology = GridTopology.analyze(context.spark, source.network());
        System.out.println(header(source.network()));
        topology.describe().forEach(line -> System.out.println("  " + line));

        context.progress.stage("publish grid_bus, grid_branch and grid_generator");
        GridTables.publish(context.spark, context.catalog, source, topology, context.runId);
        return topology;
    }

    private static String header(GridNetwork network) {
        long branchesOut = network.branches().stream().filter(branch -> !branch.inService())
                .count();
        long generatorsOn = network.generators().stream().filter(GridGenerator::inService)
                .count();
        double capacityMw = network.generators().stream().filter(GridGenerator::inService)
                .mapToDouble(GridGenerator::maxOutputMw).sum();
        long limited = network.branches().stream().filter(GridBranch::isLimited).count();
        return String.format("Grid case %s: %d buses, %d branches (%d out of service, %d with "
                + "a flow limit), %d generators (%d in service, %.1f MW), load %.1f MW, "
                + "base %.0f MVA", network.caseName(), network.buses().size(),
                network.branches().size(), branchesOut, limited, network.generators().size(),
                generatorsOn, capacityMw, network.totalDemandMw(), network.baseMva());
    }
}
