package io.gridcast.grid;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.gridcast.ingest.InvalidInputException;
import io.gridcast.io.TableCatalog;
import io.gridcast.io.TableDefinition;
import io.gridcast.io.Tables;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Solves a network's DC optimal power flow for every hour of a load curve on Spark and
 * publishes {@code lmp}, {@code branch_flow}, {@code generator_dispatch} and
 * {@code opf_hours}. The network is broadcast once. Each task builds the DC model (shift
 * factors) once and solves a contiguous run of hours, so each solve starts from the previous
 * hour's binding limits. An hour without a solution (load above an island's capacity,
 * conflicting limits) is published in {@code opf_hours} with its reason and has no rows in
 * the other tables.
 */
public final class LmpRun {

    private static final Logger LOG = LoggerFactory.getLogger(LmpRun.class);
    /** Shadow prices above this, in $/MWh per MW, mark a branch binding. */
    static final double BINDING_USD_PER_MWH = 1e-6;
    private static final long PROGRESS_MILLIS = 15_000;
    /** Positions of {@code opf_hours} columns in the rows {@link #hourRow} builds. */
    private static final int STATUS = 7;
    private static final int BINDING_BRANCHES = 10;
    private static final int SOLVE_SECONDS = 12;

    /**
     * One solved hour.
     *
     * @param hour the hour of the load curve
     * @param result the solver's outcome
     * @param busLoadMw demand of each bus in the hour
     * @param islandIds island of each bus as its smallest bus id, or -1 for a bus left out
     */
    record HourSolution(LoadProfile.Hour hour, DcOpfResult result, double[] busLoadMw,
            int[] islandIds) implements Serializable {

        double loadMw() {
            return Arrays.stream(busLoadMw).sum();
        }
    }

    /**
     * Counts and figures of one run.
     *
     * @param caseName the solved case
     * @param hours hours of the load curve
     * @param optimal hours solved
     * @param unsolved hours without a solution, each with its reason
     * @param lmpRows rows published to {@code lmp}
     * @param congestedHours hours with at least one binding branch
     * @param meanLmpUsdPerMwh mean LMP over buses and solved hours
     * @param maxLmpUsdPerMwh highest LMP
     * @param solveSeconds solver time summed over hours
     */
    public record Summary(String caseName, int hours, int optimal, List<String> unsolved,
            long lmpRows, long congestedHours, double meanLmpUsdPerMwh, double maxLmpUsdPerMwh,
            double solveSeconds) {
    }

    private final SparkSession spark;
    private final TableCatalog catalog;
    private final String runId;

    public LmpRun(SparkSession spark, TableCatalog catalog, String runId) {
        this.spark = spark;
        this.catalog = catalog;
        this.runId = runId;
    }

    /**
     * Solves every hour of {@code profile} on {@code network} in {@code partitions} tasks and
     * publishes the results, replacing the case's rows of those hours. With
     * {@code stopOnUnsolved}, an hour without a solution fails the run before anything is
     * published.
     */
    public Summary run(GridNetwork network, LoadProfile profile, int partitions,
            boolean stopOnUnsolved) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<GridNetwork> sharedNetwork = context.broadcast(network);
        Broadcast<List<LoadProfile.Hour>> sharedHours = context.broadcast(profile.hours());
        LongAccumulator solved = spark.sparkContext().longAccumulator("hours solved");
        int hourCount = profile.hours().size();

        JavaRDD<HourSolution> solutions = context.parallelize(
                        IntStream.range(0, hourCount).boxed().toList(),
                        Math.max(1, Math.min(partitions, hourCount)))
                .mapPartitions(hours -> solve(sharedNetwork.value(), sharedHours.value(),
                        hours, solved))
                .persist(StorageLevel.MEMORY_AND_DISK_SER());
        String id = runId;
        List<Row> hourRows = withProgress(solved, hourCount,
                () -> solutions.map(s -> hourRow(sharedNetwork.value(), s, id)).collect());
        List<String> unsolved = unsolved(hourRows);
        if (unsolved.size() == hourCount) {
            solutions.unpersist();
            throw new InvalidInputException(network.caseName() + ": none of the " + hourCount
                    + " hours has a solution, so no LMPs were published and earlier results "
                    + "stay. The first: " + unsolved.get(0) + ". Check the load curve's scale "
                    + "against the case (--load-scaling peak makes the case's loads its peak)");
        }
        if (stopOnUnsolved && !unsolved.isEmpty()) {
            solutions.unpersist();
            throw new InvalidInputException(network.caseName() + ": " + unsolved.size()
                    + " of " + hourCount + " hours have no solution, so no LMPs were "
                    + "published. The first: " + String.join("; ",
                            unsolved.subList(0, Math.min(3, unsolved.size())))
                    + ". Run without --stop-on-infeasible to publish the solved hours, and see "
                    + "opf_hours for every hour's reason");
        }

        publish(network.caseName(), profile, sharedNetwork, solutions, hourRows);
        solutions.unpersist();
        return summarise(network.caseName(), hourCount, hourRows, unsolved);
    }

    private static Iterator<HourSolution> solve(GridNetwork network,
            List<LoadProfile.Hour> hours, Iterator<Integer> indices, LongAccumulator solved) {
        DcNetworkModel model = new DcNetworkModel(network);
        DcOptimalPowerFlow opf = new DcOptimalPowerFlow(model);
        double[] caseLoadMw = opf.caseLoadMw();
        int[] islandIds = islandIds(model);
        List<HourSolution> solutions = new ArrayList<>();
        while (indices.hasNext()) {
            LoadProfile.Hour hour = hours.get(indices.next());
            double[] loadMw = new double[caseLoadMw.length];
            for (int b = 0; b < loadMw.length; b++) {
                loadMw[b] = caseLoadMw[b] * hour.loadFactor();
            }
            solutions.add(new HourSolution(hour, opf.solve(loadMw), loadMw, islandIds));
            solved.add(1);
        }
        return solutions.iterator();
    }

    /** Returns each bus's island as the smallest bus id in it, or -1 for a bus left out. */
    private static int[] islandIds(DcNetworkModel model) {
        List<GridBus> buses = model.network().buses();
        int[] smallest = new int[model.islandCount()];
        Arrays.fill(smallest, Integer.MAX_VALUE);
        for (int b = 0; b < buses.size(); b++) {
            if (model.islandOf(b) >= 0) {
                smallest[model.islandOf(b)] = Math.min(smallest[model.islandOf(b)],
                        buses.get(b).busId());
            }
        }
        int[] ids = new int[buses.size()];
        for (int b = 0; b < buses.size(); b++) {
            ids[b] = model.islandOf(b) >= 0 ? smallest[model.islandOf(b)] : -1;
        }
        return ids;
    }

    private static <T> T withProgress(LongAccumulator solved, int hours, Supplier<T> work) {
        long start = System.nanoTime();
        Thread reporter = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(PROGRESS_MILLIS);
                    LOG.info("compute lmp: solved {} of {} hours in {} s", solved.value(), hours,
                            (System.nanoTime() - start) / 1_000_000_000L);
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "lmp-progress");
        reporter.setDaemon(true);
        reporter.start();
        try {
            return work.get();
        } finally {
            reporter.interrupt();
        }
    }

    private static List<String> unsolved(List<Row> hourRows) {
        List<String> reasons = new ArrayList<>();
        for (Row row : hourRows) {
            if (!"optimal".equals(row.get(STATUS))) {
                reasons.add(row.get(2) + " HE" + row.get(3) + " ("
                        + row.get(1) + "): " + row.get(STATUS) + ", "
                        + row.get(STATUS + 1));
            }
        }
        return reasons;
    }

    private void publish(String caseName, LoadProfile profile,
            Broadcast<GridNetwork> sharedNetwork, JavaRDD<HourSolution> solutions,
            List<Row> hourRows) {
        String id = runId;
        JavaRDD<HourSolution> optimal = solutions.filter(s -> s.result().isOptimal());
        Dataset<Row> lmp = spark.createDataFrame(optimal.flatMap(s -> lmpRows(
                sharedNetwork.value(), s, id).iterator()), schema(Tables.LMP));
        Dataset<Row> flows = spark.createDataFrame(optimal.flatMap(s -> branchRows(
                sharedNetwork.value(), s, id).iterator()), schema(Tables.BRANCH_FLOW));
        Dataset<Row> dispatch = spark.createDataFrame(optimal.flatMap(s -> dispatchRows(
                sharedNetwork.value(), s, id).iterator()),
                schema(Tables.GENERATOR_DISPATCH));
        Dataset<Row> hours = spark.createDataFrame(hourRows, schema(Tables.OPF_HOURS));

        String slice = "case_name = " + TableCatalog.sqlString(caseName)
                + " AND interval_start_utc BETWEEN " + TableCatalog.timestampLiteral(
                        profile.hours().get(0).intervalStartUtc())
                + " AND " + TableCatalog.timestampLiteral(profile.hours()
                        .get(profile.hours().size() - 1).intervalStartUtc());
        catalog.overwrite(Tables.LMP, lmp, slice);
        catalog.overwrite(Tables.BRANCH_FLOW, flows, slice);
        catalog.overwrite(Tables.GENERATOR_DISPATCH, dispatch, slice);
        catalog.overwrite(Tables.OPF_HOURS, hours, slice);
    }

    private StructType schema(TableDefinition table) {
        catalog.ensure(table);
        return catalog.read(table.name()).schema();
    }

    private Summary summarise(String caseName, int hourCount, List<Row> hourRows,
            List<String> unsolved) {
        Row prices = catalog.read(Tables.LMP.name())
                .filter(col("case_name").equalTo(caseName).and(col("run_id").equalTo(runId)))
                .agg(count(lit(1)), avg("lmp_usd_per_mwh"), max("lmp_usd_per_mwh")).first();
        long congested = hourRows.stream().filter(r -> !r.isNullAt(BINDING_BRANCHES)
                && r.getInt(BINDING_BRANCHES) > 0).count();
        double solveSeconds = hourRows.stream().mapToDouble(r -> r.getDouble(SOLVE_SECONDS))
                .sum();
        return new Summary(caseName, hourCount, hourCount - unsolved.size(), unsolved,
                prices.getLong(0), congested,
                prices.isNullAt(1) ? Double.NaN : prices.getDouble(1),
                prices.isNullAt(2) ? Double.NaN : prices.getDouble(2), solveSeconds);
    }

    /** Returns the time columns of a row, as Spark's Java 8 time API encodes them. */
    private static Object[] hourLabels(String caseName, LoadProfile.Hour hour) {
        return new Object[] {caseName, hour.intervalStartUtc(), hour.operatingDate(),
            hour.hourEnding(), hour.dstFlag()};
    }

    private static Row row(Object[] labels, Object... values) {
        Object[] cells = Arrays.copyOf(labels, labels.length + values.length);
        System.arraycopy(values, 0, cells, labels.length, values.length);
        return RowFactory.create(cells);
    }

    static Row hourRow(GridNetwork network, HourSolution solution, String runId) {
        DcOpfResult result = solution.result();
        boolean optimal = result.isOptimal();
        return row(hourLabels(network.caseName(), solution.hour()),
                solution.hour().loadFactor(), solution.loadMw(),
                result.status().name().toLowerCase(Locale.ROOT),
                optimal ? null : result.message(),
                optimal ? result.objectiveUsdPerHour() : null,
                optimal ? (int) result.bindingBranchCount() : null,
                optimal ? congestionRentUsd(network, positions(network), result) : null,
                result.solveSeconds(), runId);
    }

    static List<Row> lmpRows(GridNetwork network, HourSolution solution, String runId) {
        DcOpfResult result = solution.result();
        Object[] labels = hourLabels(network.caseName(), solution.hour());
        List<Row> rows = new ArrayList<>();
        for (int b = 0; b < network.buses().size(); b++) {
            if (!Double.isNaN(result.lmpUsdPerMwh()[b])) {
                rows.add(row(labels, network.buses().get(b).busId(), solution.islandIds()[b],
                        result.lmpUsdPerMwh()[b], result.energyComponentUsdPerMwh()[b],
                        result.congestionComponentUsdPerMwh()[b],
                        result.lossComponentUsdPerMwh()[b], solution.busLoadMw()[b], runId));
            }
        }
        return rows;
    }

    static List<Row> branchRows(GridNetwork network, HourSolution solution, String runId) {
        DcOpfResult result = solution.result();
        Object[] labels = hourLabels(network.caseName(), solution.hour());
        java.util.Map<Integer, Integer> positions = positions(network);
        List<Row> rows = new ArrayList<>();
        for (int k = 0; k < network.branches().size(); k++) {
            GridBranch branch = network.branches().get(k);
            if (!branch.inService()) {
                continue;
            }
            double muSf = result.muSfUsdPerMwh()[k];
            double muSt = result.muStUsdPerMwh()[k];
            rows.add(row(labels, branch.branchIndex(), branch.fromBus(), branch.toBus(),
                    result.branchFlowMw()[k], branch.isLimited() ? branch.rateAMw() : null,
                    muSf, muSt, muSf > BINDING_USD_PER_MWH || muSt > BINDING_USD_PER_MWH,
                    rentUsd(network, positions, result, k), runId));
        }
        return rows;
    }

    static List<Row> dispatchRows(GridNetwork network, HourSolution solution, String runId) {
        DcOpfResult result = solution.result();
        Object[] labels = hourLabels(network.caseName(), solution.hour());
        java.util.Map<Integer, Integer> positions = positions(network);
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < network.generators().size(); g++) {
            GridGenerator generator = network.generators().get(g);
            if (!generator.inService()) {
                continue;
            }
            double dispatchMw = result.dispatchMw()[g];
            double lmp = result.lmpUsdPerMwh()[positions.get(generator.busId())];
            rows.add(row(labels, generator.generatorIndex(), generator.busId(), dispatchMw,
                    Double.isNaN(lmp) ? null : lmp, Double.isNaN(lmp) ? null : dispatchMw * lmp,
                    generator.cost().costUsdPerHour(dispatchMw), runId));
        }
        return rows;
    }

    /** Returns the rent of branch {@code k}: flow times the LMP rise from its from to its to end. */
    private static double rentUsd(GridNetwork network, java.util.Map<Integer, Integer> positions,
            DcOpfResult result, int k) {
        GridBranch branch = network.branches().get(k);
        double from = result.lmpUsdPerMwh()[positions.get(branch.fromBus())];
        double to = result.lmpUsdPerMwh()[positions.get(branch.toBus())];
        double rent = result.branchFlowMw()[k] * (to - from);
        return Double.isNaN(rent) ? 0.0 : rent;
    }

    private static double congestionRentUsd(GridNetwork network,
            java.util.Map<Integer, Integer> positions, DcOpfResult result) {
        double rent = 0;
        for (int k = 0; k < network.branches().size(); k++) {
            if (network.branches().get(k).inService()) {
                rent += rentUsd(network, positions, result, k);
            }
        }
        return rent;
    }

    private static java.util.Map<Integer, Integer> positions(GridNetwork network) {
        java.util.Map<Integer, Integer> positions = new java.util.HashMap<>();
        for (int b = 0; b < network.buses().size(); b++) {
            positions.put(network.buses().get(b).busId(), b);
        }
        return positions;
    }
}
