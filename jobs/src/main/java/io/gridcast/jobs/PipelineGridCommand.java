package io.gridcast.jobs;

import static org.apache.spark.sql.functions.col;

import io.gridcast.grid.CrrSettlementRun;
import io.gridcast.grid.GridNetwork;
import io.gridcast.grid.GridRunReport;
import io.gridcast.grid.GridSource;
import io.gridcast.grid.LmpRun;
import io.gridcast.grid.LoadProfile;
import io.gridcast.ingest.ErcotReport;
import io.gridcast.ingest.IngestReport;
import io.gridcast.ingest.ReportIngest;
import io.gridcast.io.Tables;
import io.gridcast.report.Report;
import io.gridcast.time.MarketZones;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gridcast pipeline grid}: a network and a load curve to a year of LMPs and CRR payoffs. */
@Command(name = "grid", mixinStandardHelpOptions = true,
        description = {
            "Ingests a network (as ingest grid does) and, unless --load-input none, an ERCOT "
                    + "native load archive into load_hourly; solves the DC optimal power flow "
                    + "for every hour of the load curve (as compute lmp does); then settles "
                    + "the CRR holdings on the LMPs (as settle crr does).",
            "Without options it runs the bundled synthetic Texas case ACTIVSg2000 through "
                    + "ERCOT's 2023 load curve with the bundled holdings."})
final class PipelineGridCommand implements Callable<Integer> {

    static final String BUNDLED_CASE = "data/samples/grid/matpower/case_ACTIVSg2000.m";
    static final String BUNDLED_LOAD = "data/samples/grid/Native_Load_2023.csv.gz";
    static final String BUNDLED_HOLDINGS = "data/samples/grid/crr_holdings_activsg2000.csv";

    @Mixin
    JobOptions options;

    @Option(names = "--case", paramLabel = "FILE|FOLDER",
            description = "MATPOWER case file or folder of network CSV files (default: the "
                    + "bundled ACTIVSg2000).")
    String caseInput;

    @Option(names = "--case-name", paramLabel = "NAME",
            description = "Name of the case in the tables (default: the file or folder name).")
    String caseName;

    @Option(names = "--load-input", paramLabel = "FILE|none",
            description = "ERCOT native load archive to ingest first (default: the bundled "
                    + "2023 archive; none to use load_hourly as it is).")
    String loadInput;

    @Mixin
    LoadCurveOptions curve = new LoadCurveOptions();

    @Option(names = "--holdings", paramLabel = "FILE|none",
            description = "CRR holdings to settle (default: the bundled holdings with the "
                    + "bundled case; none to skip).")
    String holdings;

    @Option(names = "--stop-on-infeasible",
            description = "Fail without publishing LMPs when an hour has no solution.")
    boolean stopOnInfeasible;

    @Override
    public Integer call() {
        String caseSource = caseInput != null ? caseInput : InputDefaults.bundled(BUNDLED_CASE);
        String holdingsSource = holdings != null ? holdings
                : caseInput == null ? InputDefaults.bundled(BUNDLED_HOLDINGS) : "none";
        String loadSource = loadInput != null ? loadInput : InputDefaults.bundled(BUNDLED_LOAD);
        if (caseName != null) {
            GridSource.checkCaseName(caseName);
        }
        try (JobContext context = new JobContext("pipeline-grid", options.settings(), 8,
                Clock.systemUTC())) {
            GridNetwork network = ingestGrid(context, caseSource);
            ReportIngest.Result load = ingestLoad(context, loadSource);

            LoadProfile profile = curve.read(context, network, caseInput == null
                    ? LoadCurveOptions.Scaling.level : LoadCurveOptions.Scaling.peak);
            context.progress.stage("solve " + profile.hours().size() + " hours of "
                    + network.caseName() + " and publish");
            LmpRun.Summary lmp = new LmpRun(context.spark, context.catalog, context.runId)
                    .run(network, profile, LoadCurveOptions.partitions(context),
                            stopOnInfeasible);
            ComputeCommand.Lmp.printUnsolved(lmp);

            CrrSettlementRun.Summary crr = settle(context, network.caseName(), holdingsSource);
            String report = writeReport(context, new RunInputs(caseSource, network, loadSource,
                    load, profile), lmp, crr);
            System.out.printf(Locale.ROOT, "pipeline grid finished in %.1f s: case %s, %d "
                    + "hours, %d solved, %d without a solution, %d congested, %d LMP rows, "
                    + "mean LMP %.2f $/MWh; %s; report %s%n", context.progress.elapsedSeconds(),
                    network.caseName(), lmp.hours(), lmp.optimal(), lmp.unsolved().size(),
                    lmp.congestedHours(), lmp.lmpRows(), lmp.meanLmpUsdPerMwh(),
                    settled(context, crr), report);
        }
        return 0;
    }

    private GridNetwork ingestGrid(JobContext context, String source) {
        context.progress.stage("ingest grid " + source);
        GridSource grid = GridSource.read(context.spark.sparkContext().hadoopConfiguration(),
                source, caseName);
        IngestGridCommand.publish(context, grid);
        return grid.network();
    }

    private ReportIngest.Result ingestLoad(JobContext context, String source) {
        if (source.equals("none")) {
            return null;
        }
        context.progress.stage("ingest ERCOT native load " + source);
        ReportIngest ingest = new ReportIngest(context.spark);
        ReportIngest.Result result = ingest.read(ErcotReport.NATIVE_LOAD.report(), source,
                context.runId, context.runTime);
        ingest.publish(context.catalog, result);
        System.out.println("  load curve: " + result.counts().summary());
        return result;
    }

    private static CrrSettlementRun.Summary settle(JobContext context, String settledCase,
            String source) {
        if (source.equals("none")) {
            return null;
        }
        context.progress.stage("settle CRR holdings " + source);
        return new CrrSettlementRun(context.spark, context.catalog, context.settings,
                context.runId, context.runTime)
                .run(source, new CrrSettlementRun.PriceSource(settledCase, null), null);
    }

    private static String settled(JobContext context, CrrSettlementRun.Summary crr) {
        String tables = "tables " + context.catalog.qualified("{" + Tables.GRID_BUS.name() + ","
                + Tables.LMP.name() + "," + Tables.BRANCH_FLOW.name() + ","
                + Tables.CRR_SETTLEMENT.name() + ",...}");
        if (crr == null) {
            return "no CRR holdings settled; " + tables;
        }
        return String.format(Locale.ROOT, "CRR holdings %d (rejected %d) on %s prices, payoff "
                + "$%,.2f, congestion rent $%,.2f, hours with rent below payoffs %d; %s",
                crr.holdings(), crr.rejected(), crr.basis().label(), crr.payoffUsd(),
                crr.rentUsd(), crr.inadequateHours(), tables);
    }

    /** Inputs of the run: the case, and the load archive when one was ingested. */
    private record RunInputs(String caseSource, GridNetwork network, String loadSource,
            ReportIngest.Result load, LoadProfile profile) {
    }

    /** Writes the run report: settings, inputs, rejects, hours, LMPs, congestion and CRRs. */
    private static String writeReport(JobContext context, RunInputs inputs, LmpRun.Summary lmp,
            CrrSettlementRun.Summary crr) {
        String caseName = inputs.network().caseName();
        Report report = RunReports.start(context, "Grid LMP and CRR pipeline, " + caseName,
                List.of(), List.of("grid", "crr"));
        GridRunReport grid = new GridRunReport(context.catalog, caseName, context.runId,
                MarketZones.of(inputs.profile().iso()));
        grid.addNetwork(report, inputs.network(), inputs.caseSource());
        if (inputs.load() != null) {
            IngestReport.addInputs(report, inputs.loadSource(), inputs.load().files(),
                    inputs.load().counts());
        }
        IngestReport.addRejects(report, context.catalog.read(Tables.REJECTS.name())
                .filter(col("run_id").equalTo(context.runId)), context.runId);
        grid.addHours(report, lmp);
        grid.addPriceRange(report);
        grid.addMostCongestedHour(report);
        grid.addCongestedBranches(report);
        grid.addCrrPayoffs(report, crr);
        return RunReports.write(context, report);
    }
}
