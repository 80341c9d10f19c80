package io.gridcast.grid;

import io.gridcast.grid.ActiveSetPolish.ActiveSet;
import io.gridcast.grid.ActiveSetPolish.Polished;
import io.gridcast.grid.DcOpfResult.Status;
import io.gridcast.grid.DispatchProblem.Dispatch;
import io.gridcast.grid.DispatchProgram.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Solves the DC optimal power flow of one network for one snapshot of bus loads at a time:
 * minimise total generator cost subject to a lossless DC power balance in each island, unit
 * output limits and branch flow limits ({@code RATE_A}), and price every bus.
 *
 * <p>Formulation: shift factors (PTDF) with constraint generation. The first solve monitors no
 * branch. Each round solves the dispatch with the monitored branches, computes all flows, and
 * adds every limited branch whose flow exceeds its limit, until none does. Linear and
 * piecewise-linear costs go to GLOP. With a quadratic cost, PDLP finds an approximate optimum
 * and {@link ActiveSetPolish} makes it exact. Later snapshots start from the previous
 * snapshot's monitored branches and active set, and need PDLP only when that set cannot be
 * corrected.
 *
 * <p>A snapshot's loads replace the case's bus demand (MATPOWER's {@code PD}). Shunt
 * conductance ({@code GS}) stays as extra demand and phase shifts as fixed injections.
 * Off-line units and out-of-service branches take no part, nor do isolated buses and what they
 * connect. A limit of 0 in a case file (read as unlimited) adds no constraint.
 *
 * <p>Not thread-safe: it keeps the warm start. Use one instance per thread or Spark partition.
 * Instances can share one {@link DcNetworkModel}.
 */
public final class DcOptimalPowerFlow {

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(DcOptimalPowerFlow.class);

    /** Constraint-generation rounds before a snapshot counts as failed. */
    static final int MAX_ROUNDS = 50;

    /** Logs one warning per this many snapshots left unpolished. */
    private static final int WARN_EVERY = 100;

    /** Slack in MW on capacity checks and flow limits, against rounding. */
    static final double LIMIT_TOLERANCE_MW = ActiveSetPolish.PRIMAL_TOLERANCE_MW;

    private final DcNetworkModel model;
    private final boolean polish;
    private final GridNetwork network;
    private final OpfGenerator[] units;
    private final int[] unitIsland;
    private final int[] pricedIndexOfIsland;
    private final List<String> conflictingLimits = new ArrayList<>();
    private final List<Integer> monitored = new ArrayList<>();
    private final Map<Integer, double[]> unitShiftFactors = new HashMap<>();
    private ActiveSet warmStart;
    private long unpolishedCount;

    /** Builds the DC model of {@code network} and a solver for it. */
    public DcOptimalPowerFlow(GridNetwork network) {
        this(new DcNetworkModel(network));
    }

    /**
     * Builds a solver on a shared model.
     *
     * @throws IllegalArgumentException if an on-line unit's cost is not convex or is a
     *     polynomial of degree above 2
     */
    public DcOptimalPowerFlow(DcNetworkModel model) {
        this(model, true);
    }

    /**
     * Builds a solver that keeps PDLP's approximate solution unpolished when {@code polish} is
     * false, to measure what the active-set step adds.
     */
    DcOptimalPowerFlow(DcNetworkModel model, boolean polish) {
        this.model = model;
        this.polish = polish;
        this.network = model.network();
        List<OpfGenerator> online = new ArrayList<>();
        for (int g = 0; g < network.generators().size(); g++) {
            GridGenerator generator = network.generators().get(g);
            int bus = model.busPosition(generator.busId());
            if (!generator.inService() || model.islandOf(bus) < 0) {
                continue;
            }
            if (generator.minOutputMw() > generator.maxOutputMw()) {
                conflictingLimits.add("generator " + generator.generatorIndex() + " at bus "
                        + generator.busId() + " has PMIN " + generator.minOutputMw()
                        + " MW above PMAX " + generator.maxOutputMw() + " MW");
            } else {
                online.add(OpfGenerator.of(g, bus, generator));
            }
        }
        units = online.toArray(new OpfGenerator[0]);
        unitIsland = new int[units.length];
        pricedIndexOfIsland = new int[model.islandCount()];
        indexPricedIslands();
    }

    private void indexPricedIslands() {
        Arrays.fill(pricedIndexOfIsland, -1);
        int priced = 0;
        for (int u = 0; u < units.length; u++) {
            int island = model.islandOf(units[u].busPosition);
            if (pricedIndexOfIsland[island] < 0) {
                pricedIndexOfIsland[island] = priced++;
            }
            unitIsland[u] = pricedIndexOfIsland[island];
        }
    }

    /** Returns the model this solver works on. */
    public DcNetworkModel model() {
        return model;
    }

    /** Returns the case's bus loads (PD) in MW, by bus position: the loads of {@link #solve()}. */
    public double[] caseLoadMw() {
        return network.buses().stream().mapToDouble(GridBus::loadMw).toArray();
    }

    /** Solves the snapshot with the case's own loads. */
    public DcOpfResult solve() {
        return solve(caseLoadMw());
    }

    /**
     * Solves the snapshot with bus loads {@code loadMw}, by position in
     * {@link GridNetwork#buses()}, in place of the case's PD.
     *
     * @return an OPTIMAL result, or an INFEASIBLE or FAILED one whose message names the reason
     * @throws IllegalArgumentException if {@code loadMw} has the wrong length or a non-finite
     *     value
     */
    public DcOpfResult solve(double[] loadMw) {
        long startNanos = System.nanoTime();
        double[] demandMw = busDemandMw(loadMw);
        Optional<String> shortfall = capacityShortfall(demandMw);
        if (shortfall.isPresent()) {
            return DcOpfResult.unsolved(network.caseName(), Status.INFEASIBLE, shortfall.get(),
                    seconds(startNanos), 0);
        }
        double[] baseInjectionMw = baseInjectionMw(demandMw);
        Rounds rounds = optimise(islandDemandMw(demandMw), baseInjectionMw);
        DcOpfResult result = rounds.dispatch() == null
                ? DcOpfResult.unsolved(network.caseName(), rounds.status(), rounds.message(),
                        seconds(startNanos), rounds.count())
                : OpfResults.optimal(model, units, pricedIndexOfIsland, rounds.problem(),
                        rounds.dispatch(), injectionMw(rounds.dispatch(), baseInjectionMw),
                        rounds.message(), rounds.count(), startNanos);
        // DEBUG rather than INFO: a job solves thousands of snapshots and logs a summary.
        LOG.debug("DC OPF of {}: {} after {} rounds, {} monitored branches, {} ms, {}",
                network.caseName(), result.status(), result.iterations(), monitored.size(),
                Math.round(result.solveSeconds() * 1000), result.message());
        return result;
    }

    /** Outcome of the constraint-generation rounds, with a null {@code dispatch} on failure. */
    private record Rounds(Dispatch dispatch, DispatchProblem problem, Status status,
            String message, int count) {
    }

    private Rounds optimise(double[] islandDemandMw, double[] baseInjectionMw) {
        double[] baseFlowsMw = model.branchFlowsMw(baseInjectionMw);
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            DispatchProblem problem = problem(islandDemandMw, baseFlowsMw);
            Rounds attempt = solveProblem(problem, round);
            if (attempt.dispatch() == null) {
                return attempt;
            }
            double[] flowsMw = model.branchFlowsMw(injectionMw(attempt.dispatch(),
                    baseInjectionMw));
            if (!monitorViolations(flowsMw)) {
                return attempt;
            }
        }
        return new Rounds(null, null, Status.FAILED, "branch limits still violated after "
                + MAX_ROUNDS + " constraint-generation rounds", MAX_ROUNDS);
    }

    /**
     * Solves one round: from the warm active set when there is one, else with OR-Tools, and
     * polishes a PDLP solution. The order saves PDLP calls, which take most of the time.
     */
    private Rounds solveProblem(DispatchProblem problem, int round) {
        boolean quadratic = problem.isQuadratic();
        if (quadratic && polish && warmStart != null) {
            Optional<Polished> polished = ActiveSetPolish.polish(problem, warmStart);
            if (polished.isPresent()) {
                warmStart = polished.get().activeSet();
                return solved(polished.get().dispatch(), problem, "warm-started active set",
                        round);
            }
        }

        // Solve with GLOP or PDLP.
        Outcome outcome = DispatchProgram.solve(problem);
        if (outcome.dispatch().isEmpty()) {
            warmStart = null;
            return unsolvedRounds(outcome, problem, round);
        }
        if (!quadratic || !polish) {
            return solved(outcome.dispatch().get(), problem, outcome.solverName(), round);
        }

        // Polish PDLP's solution, or keep it when the active set does not settle.
        ActiveSet guess = ActiveSetPolish.guess(problem, outcome.dispatch().get());
        Optional<Polished> polished = ActiveSetPolish.polish(problem, guess);
        if (polished.isPresent()) {
            warmStart = polished.get().activeSet();
            return solved(polished.get().dispatch(), problem, "PDLP and active set", round);
        }
        warmStart = null;
        unpolishedCount++;
        if (unpolishedCount % WARN_EVERY == 1) {
            LOG.warn("DC OPF of {}: active-set polish did not settle, keeping PDLP's solution at "
                    + "tolerance {} ({} snapshots so far)", network.caseName(),
                    DispatchProgram.PDLP_TOLERANCE, unpolishedCount);
        }
        return solved(outcome.dispatch().get(), problem, "PDLP without polish", round);
    }

    private Rounds solved(Dispatch dispatch, DispatchProblem problem, String path, int round) {
        return new Rounds(dispatch, problem, Status.OPTIMAL, path, round);
    }

    private Rounds unsolvedRounds(Outcome outcome, DispatchProblem problem, int round) {
        boolean infeasible = outcome.status().startsWith("MPSOLVER_INFEASIBLE");
        String message = infeasible
                ? "no dispatch meets the generator limits and the flow limits of "
                        + monitoredBranchNames(problem) + " (" + outcome.solverName() + ")"
                : outcome.solverName() + " stopped with status " + outcome.status();
        return new Rounds(null, problem, infeasible ? Status.INFEASIBLE : Status.FAILED,
                message, round);
    }

    private String monitoredBranchNames(DispatchProblem problem) {
        List<String> names = new ArrayList<>();
        for (int k : problem.rowBranch()) {
            GridBranch branch = network.branches().get(model.branchPosition(k));
            names.add(branch.fromBus() + "-" + branch.toBus() + " (row "
                    + branch.branchIndex() + ")");
            if (names.size() == 10) {
                names.add("...");
                break;
            }
        }
        return problem.rowCount() + " branches " + String.join(", ", names);
    }

    /** Adds limited branches that exceed their limit and returns whether there were any. */
    private boolean monitorViolations(double[] flowsMw) {
        List<Integer> sides = new ArrayList<>();
        for (int k = 0; k < flowsMw.length; k++) {
            double limitMw = model.rateAMw(k);
            if (Math.abs(flowsMw[k]) > limitMw + LIMIT_TOLERANCE_MW && !monitored.contains(k)) {
                monitored.add(k);
                sides.add(flowsMw[k] > 0 ? 1 : -1);
            }
        }
        if (warmStart != null && !sides.isEmpty()) {
            warmStart = warmStart.withRows(sides.stream().mapToInt(Integer::intValue).toArray());
        }
        return !sides.isEmpty();
    }

    private DispatchProblem problem(double[] islandDemandMw, double[] baseFlowsMw) {
        int rows = monitored.size();
        int[] rowBranch = new int[rows];
        double[][] coefficients = new double[rows][];
        double[] lowerMw = new double[rows];
        double[] upperMw = new double[rows];
        for (int r = 0; r < rows; r++) {
            int k = monitored.get(r);
            rowBranch[r] = k;
            coefficients[r] = unitShiftFactors.computeIfAbsent(k, this::unitShiftFactors);
            lowerMw[r] = -model.rateAMw(k) - baseFlowsMw[k];
            upperMw[r] = model.rateAMw(k) - baseFlowsMw[k];
        }
        return new DispatchProblem(units, unitIsland, islandDemandMw, rowBranch, coefficients,
                lowerMw, upperMw);
    }

    private double[] unitShiftFactors(int k) {
        double[] row = model.shiftFactorRow(k);
        double[] coefficients = new double[units.length];
        for (int u = 0; u < units.length; u++) {
            coefficients[u] = row[units[u].busPosition];
        }
        return coefficients;
    }

    private double[] busDemandMw(double[] loadMw) {
        if (loadMw.length != model.busCount()) {
            throw new IllegalArgumentException("Expected " + model.busCount() + " bus loads for "
                    + network.caseName() + ", got " + loadMw.length);
        }
        double[] demandMw = new double[loadMw.length];
        for (int b = 0; b < loadMw.length; b++) {
            if (!Double.isFinite(loadMw[b])) {
                throw new IllegalArgumentException("Load at bus "
                        + network.buses().get(b).busId() + " is " + loadMw[b] + " MW");
            }
            if (model.islandOf(b) >= 0) {
                demandMw[b] = loadMw[b] + network.buses().get(b).shuntConductanceMw();
            }
        }
        return demandMw;
    }

    /** Returns why no dispatch can balance some island whatever the branch limits, if so. */
    private Optional<String> capacityShortfall(double[] demandMw) {
        if (!conflictingLimits.isEmpty()) {
            return Optional.of("conflicting limits: " + String.join("; ", conflictingLimits));
        }
        int islands = model.islandCount();
        double[] islandDemandMw = new double[islands];
        double[] minMw = new double[islands];
        double[] maxMw = new double[islands];
        for (int b = 0; b < demandMw.length; b++) {
            if (model.islandOf(b) >= 0) {
                islandDemandMw[model.islandOf(b)] += demandMw[b];
            }
        }
        for (OpfGenerator unit : units) {
            minMw[model.islandOf(unit.busPosition)] += unit.minMw();
            maxMw[model.islandOf(unit.busPosition)] += unit.maxMw();
        }
        for (int island = 0; island < islands; island++) {
            Optional<String> reason = islandShortfall(island, islandDemandMw[island],
                    minMw[island], maxMw[island]);
            if (reason.isPresent()) {
                return reason;
            }
        }
        return Optional.empty();
    }

    private Optional<String> islandShortfall(int island, double demandMw, double minMw,
            double maxMw) {
        String where = "the island of bus "
                + network.buses().get(model.referenceBus(island)).busId();
        if (pricedIndexOfIsland[island] < 0 && Math.abs(demandMw) > LIMIT_TOLERANCE_MW) {
            return Optional.of(where + " has demand " + rounded(demandMw)
                    + " MW and no on-line generator");
        }
        if (pricedIndexOfIsland[island] >= 0 && demandMw > maxMw + LIMIT_TOLERANCE_MW) {
            return Optional.of("demand " + rounded(demandMw) + " MW in " + where
                    + " exceeds its on-line capacity " + rounded(maxMw) + " MW");
        }
        if (pricedIndexOfIsland[island] >= 0 && demandMw < minMw - LIMIT_TOLERANCE_MW) {
            return Optional.of("demand " + rounded(demandMw) + " MW in " + where
                    + " is below the minimum output " + rounded(minMw)
                    + " MW of its on-line units");
        }
        return Optional.empty();
    }

    /** Rounds {@code mw} to a thousandth of a MW for messages, dropping float noise. */
    private static double rounded(double mw) {
        return Math.round(mw * 1000) / 1000.0;
    }

    private double[] islandDemandMw(double[] demandMw) {
        double[] islandDemandMw = new double[units.length == 0 ? 0
                : Arrays.stream(pricedIndexOfIsland).max().getAsInt() + 1];
        for (int b = 0; b < demandMw.length; b++) {
            int island = model.islandOf(b);
            if (island >= 0 && pricedIndexOfIsland[island] >= 0) {
                islandDemandMw[pricedIndexOfIsland[island]] += demandMw[b];
            }
        }
        return islandDemandMw;
    }

    /** Returns the injections with no generation: phase shifts minus demand. */
    private double[] baseInjectionMw(double[] demandMw) {
        double[] injectionMw = model.shiftInjectionMw();
        for (int b = 0; b < demandMw.length; b++) {
            injectionMw[b] -= demandMw[b];
        }
        return injectionMw;
    }

    private double[] injectionMw(Dispatch dispatch, double[] baseInjectionMw) {
        double[] injectionMw = baseInjectionMw.clone();
        for (int u = 0; u < units.length; u++) {
            injectionMw[units[u].busPosition] += dispatch.outputMw()[u];
        }
        return injectionMw;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
