package io.gridcast.jobs;

import io.gridcast.grid.DcOpfResult;
import io.gridcast.grid.DcOptimalPowerFlow;
import io.gridcast.grid.GridNetwork;
import io.gridcast.grid.GridSource;
import io.gridcast.grid.LmpRun;
import io.gridcast.grid.LoadProfile;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.Tables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast compute}: market quantities computed from published inputs. */
@Command(name = "compute", mixinStandardHelpOptions = true,
        description = "Computes market quantities from a network and load.",
        subcommands = ComputeCommand.Lmp.class)
final class ComputeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code compute lmp}: LMPs from a DC optimal power flow, one hour or a load curve. */
    @Command(name = "lmp", mixinStandardHelpOptions = true,
            description = {
                "Solves the DC optimal power flow of a network for every hour of a load curve "
                        + "(the case's bus loads times the curve's load over its peak) and "
                        + "publishes lmp, branch_flow, generator_dispatch and opf_hours. With "
                        + "--csv, solves the case's own loads once and writes its LMPs as CSV, "
                        + "without Spark tables."})
    static final class Lmp implements Callable<Integer> {

        @Mixin
        JobOptions options;

        @Option(names = "--case", required = true, paramLabel = "FILE|FOLDER",
                description = "MATPOWER case file (.m) or folder of network CSV files.")
        String caseInput;

        @Option(names = "--case-name", paramLabel = "NAME",
                description = "Name of the case in the tables (default: the file or folder "
                        + "name).")
        String caseName;

        @Option(names = "--csv", paramLabel = "FILE",
                description = "Write one snapshot's bus,lmp,energy,congestion,loss to FILE.")
        Path csv;

        @Mixin
        LoadCurveOptions curve = new LoadCurveOptions();

        @Option(names = "--stop-on-infeasible",
                description = "Fail without publishing when an hour has no solution "
                        + "(default: publish the others and list it in opf_hours).")
        boolean stopOnInfeasible;

        @Override
        public Integer call() throws IOException {
            if (csv != null) {
                return snapshot();
            }
            try (JobContext context = new JobContext("compute-lmp", options.settings(), 3,
                    Clock.systemUTC())) {
                context.progress.stage("read " + caseInput);
                GridNetwork network = GridSource.read(context.spark.sparkContext()
                        .hadoopConfiguration(), caseInput, caseName).network();
                LoadProfile profile = curve.read(context, network, LoadCurveOptions.Scaling.peak);
                context.progress.stage("solve " + profile.hours().size() + " hours of "
                        + network.caseName() + " and publish");
                LmpRun.Summary summary = new LmpRun(context.spark, context.catalog,
                        context.runId).run(network, profile, LoadCurveOptions.partitions(context),
                        stopOnInfeasible);
                printSummary(context, summary);
            }
            return 0;
        }

        /** Prints the first ten hours without a solution, with their reasons. */
        static void printUnsolved(LmpRun.Summary summary) {
            summary.unsolved().stream().limit(10).forEach(reason ->
                    System.out.println("  no solution: " + reason));
            if (summary.unsolved().size() > 10) {
                System.out.println("  ... and " + (summary.unsolved().size() - 10)
                        + " more hours without a solution (opf_hours lists them)");
            }
        }

        static void printSummary(JobContext context, LmpRun.Summary summary) {
            printUnsolved(summary);
            System.out.printf(Locale.ROOT, "compute lmp finished in %.1f s: case %s, %d hours, "
                    + "%d solved, %d without a solution, %d congested; %d LMP rows, mean "
                    + "%.2f $/MWh, max %.2f $/MWh; solver %.1f s; tables %s%n",
                    context.progress.elapsedSeconds(), summary.caseName(), summary.hours(),
                    summary.optimal(), summary.unsolved().size(), summary.congestedHours(),
                    summary.lmpRows(), summary.meanLmpUsdPerMwh(), summary.maxLmpUsdPerMwh(),
                    summary.solveSeconds(), context.catalog.qualified("{" + Tables.LMP.name()
                            + "," + Tables.BRANCH_FLOW.name() + ","
                            + Tables.GENERATOR_DISPATCH.name() + "," + Tables.OPF_HOURS.name()
                            + "}"));
        }

        private Integer snapshot() throws IOException {
            long startNanos = System.nanoTime();
            GridNetwork network = GridSource.read(new Configuration(), caseInput, caseName)
                    .network();
            DcOpfResult result = new DcOptimalPowerFlow(network).solve();
            if (!result.isOptimal()) {
                throw new InvalidInputException("DC OPF of " + network.caseName() + " has no "
                        + "solution (" + result.status() + "): " + result.message());
            }
            List<String> lines = new ArrayList<>();
            lines.add("bus,lmp,energy,congestion,loss");
            for (int b = 0; b < network.buses().size(); b++) {
                lines.add(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6f,%.6f",
                        network.buses().get(b).busId(), result.lmpUsdPerMwh()[b],
                        result.energyComponentUsdPerMwh()[b],
                        result.congestionComponentUsdPerMwh()[b],
                        result.lossComponentUsdPerMwh()[b]));
            }
            Files.write(csv, lines, StandardCharsets.UTF_8);
            System.out.printf(Locale.ROOT, "compute lmp finished in %.1f s: case %s, 1 snapshot "
                    + "of %.1f MW, objective %.6f $/h, binding branches %d, %d buses written "
                    + "to %s%n", (System.nanoTime() - startNanos) / 1e9, network.caseName(),
                    network.totalDemandMw(), result.objectiveUsdPerHour(),
                    result.bindingBranchCount(), network.buses().size(), csv);
            return 0;
        }
    }
}
