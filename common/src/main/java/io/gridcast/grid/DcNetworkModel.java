package io.gridcast.grid;

import dev.ludovic.netlib.lapack.JavaLAPACK;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.netlib.util.intW;

/**
 * The solver's view of a {@link GridNetwork} in the lossless DC approximation: bus positions,
 * islands with one reference bus each, in-service branches with their per-unit susceptance, and
 * a Cholesky factor of the reduced susceptance matrix from which flows and shift factors (PTDF)
 * follow. Per-unit values end in {@code Pu}. MW values go in and come out.
 *
 * <p>Buses of type 4 (isolated) are left out, with their branches and generators, as MATPOWER
 * does. Each island (set of buses joined by in-service branches) gets one reference bus. It is
 * the case's type-3 bus when the island has one, the first in case order if it has several.
 * An island without one takes the bus with the largest in-service generating capacity (Pmax),
 * or its first bus when it has no generator. Shift factors are relative to the island's
 * reference bus, which absorbs the injection.
 *
 * <p>Thread-safe once built, so one model can serve several solver threads. Shift factor rows
 * are computed on first use and cached.
 *
 * <p>NOTE: the factor is dense, n² doubles: 32 MB for 2000 buses, factored in about 0.35 s
 * by dev.ludovic.netlib's pure-Java LAPACK (0.04 s through native OpenBLAS). The Java one is
 * used because, in a JVM that had also loaded the native BLAS of Deeplearning4j, the native
 * binding returned wrong factors. At 10,000 buses the factor would take 800 MB, so networks
 * that large need a sparse factorization.
 */
public final class DcNetworkModel {

    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(DcNetworkModel.class);

    private final GridNetwork network;
    private final Map<Integer, Integer> positionByBusId = new HashMap<>();
    private final int[] islandOfBus;
    private final int[] referenceBusOfIsland;
    private final int[] branchPositions;
    private final int[] fromBus;
    private final int[] toBus;
    private final double[] susceptancePu;
    private final double[] shiftRad;
    private final double[] shiftInjectionMw;
    private final double[] choleskyFactor;
    private final Map<Integer, double[]> shiftFactorRows = new ConcurrentHashMap<>();

    /**
     * Builds the model of {@code network}.
     *
     * @throws IllegalArgumentException if an in-service branch has zero reactance or the
     *     susceptance matrix is not positive definite (for example with negative reactances)
     */
    public DcNetworkModel(GridNetwork network) {
        this.network = network;
        List<GridBus> buses = network.buses();
        for (int i = 0; i < buses.size(); i++) {
            positionByBusId.put(buses.get(i).busId(), i);
        }
        branchPositions = inServiceBranchPositions();
        fromBus = new int[branchPositions.length];
        toBus = new int[branchPositions.length];
        susceptancePu = new double[branchPositions.length];
        shiftRad = new double[branchPositions.length];
        readBranches();
        islandOfBus = islands();
        referenceBusOfIsland = referenceBuses();
        shiftInjectionMw = shiftInjections();
        choleskyFactor = factor();
        LOG.info("DC model of {}: {} buses, {} in-service branches, {} islands",
                network.caseName(), buses.size(), branchPositions.length,
                referenceBusOfIsland.length);
    }

    /** Returns the network this model was built from. */
    public GridNetwork network() {
        return network;
    }

    /** Returns the number of buses, in-service or not. */
    public int busCount() {
        return network.buses().size();
    }

    /** Returns the position of bus {@code busId} in {@link GridNetwork#buses()}. */
    public int busPosition(int busId) {
        Integer position = positionByBusId.get(busId);
        if (position == null) {
            throw new IllegalArgumentException("Unknown bus " + busId + " in "
                    + network.caseName());
        }
        return position;
    }

    /** Returns the number of islands. */
    public int islandCount() {
        return referenceBusOfIsland.length;
    }

    /** Returns the island of the bus at {@code busPosition}, or -1 for an isolated bus. */
    public int islandOf(int busPosition) {
        return islandOfBus[busPosition];
    }

    /** Returns the position of the reference bus of {@code island}. */
    public int referenceBus(int island) {
        return referenceBusOfIsland[island];
    }

    /** Returns the number of in-service branches, which the flow arrays of this model index. */
    public int modelBranchCount() {
        return branchPositions.length;
    }

    /** Returns the position in {@link GridNetwork#branches()} of in-service branch {@code k}. */
    public int branchPosition(int k) {
        return branchPositions[k];
    }

    /** Returns the flow limit of in-service branch {@code k} in MW (may be infinite). */
    public double rateAMw(int k) {
        return network.branches().get(branchPositions[k]).rateAMw();
    }

    /**
     * Returns the fixed injections in MW that phase shifters add at their terminal buses, by
     * bus position. They sum to zero in every island.
     */
    public double[] shiftInjectionMw() {
        return shiftInjectionMw.clone();
    }

    /**
     * Returns the flow in MW (measured at the from end) of every in-service branch for the net
     * injections {@code injectionMw} by bus position. The injections of each island must sum to
     * zero, because each island's reference bus takes the remainder. Phase shifts are included:
     * add {@link #shiftInjectionMw()} to the injections.
     */
    public double[] branchFlowsMw(double[] injectionMw) {
        double[] anglesRad = anglesRad(injectionMw);
        double[] flowsMw = new double[branchPositions.length];
        for (int k = 0; k < flowsMw.length; k++) {
            double angleDifferenceRad = anglesRad[fromBus[k]] - anglesRad[toBus[k]] - shiftRad[k];
            flowsMw[k] = network.baseMva() * susceptancePu[k] * angleDifferenceRad;
        }
        return flowsMw;
    }

    /**
     * Returns the shift factors of in-service branch {@code k}: the MW flow on it per MW
     * injected at each bus and withdrawn at the reference bus of that bus's island. Zero for
     * buses in other islands and isolated buses. Callers share the array, so must not modify it.
     */
    public double[] shiftFactorRow(int k) {
        return shiftFactorRows.computeIfAbsent(k, this::computeShiftFactorRow);
    }

    /** Returns the bus angles in radians, zero at each island's reference bus. */
    double[] anglesRad(double[] injectionMw) {
        double[] rhs = new double[injectionMw.length];
        for (int i = 0; i < rhs.length; i++) {
            rhs[i] = isSolvedFor(i) ? injectionMw[i] / network.baseMva() : 0.0;
        }
        return solve(rhs);
    }

    /** Uses the symmetry of B: row k of B_f·B⁻¹ is b_k·B⁻¹(e_from − e_to). */
    private double[] computeShiftFactorRow(int k) {
        double[] rhs = new double[busCount()];
        if (isSolvedFor(fromBus[k])) {
            rhs[fromBus[k]] = 1.0;
        }
        if (isSolvedFor(toBus[k])) {
            rhs[toBus[k]] -= 1.0;
        }
        double[] row = solve(rhs);
        for (int i = 0; i < row.length; i++) {
            row[i] = isSolvedFor(i) ? row[i] * susceptancePu[k] : 0.0;
        }
        return row;
    }

    private boolean isSolvedFor(int busPosition) {
        int island = islandOfBus[busPosition];
        return island >= 0 && referenceBusOfIsland[island] != busPosition;
    }

    private double[] solve(double[] rhs) {
        intW info = new intW(0);
        int n = busCount();
        JavaLAPACK.getInstance().dpotrs("L", n, 1, choleskyFactor, n, rhs, n, info);
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK dpotrs failed with info " + info.val);
        }
        return rhs;
    }

    private int[] inServiceBranchPositions() {
        List<GridBranch> branches = network.branches();
        return java.util.stream.IntStream.range(0, branches.size())
                .filter(k -> isInModel(branches.get(k)))
                .toArray();
    }

    private boolean isInModel(GridBranch branch) {
        return branch.inService() && !isIsolated(branch.fromBus()) && !isIsolated(branch.toBus());
    }

    private boolean isIsolated(int busId) {
        return network.buses().get(busPosition(busId)).type() == GridBus.ISOLATED;
    }

    private void readBranches() {
        for (int k = 0; k < branchPositions.length; k++) {
            GridBranch branch = network.branches().get(branchPositions[k]);
            if (branch.reactancePu() == 0 || branch.tapRatio() == 0) {
                throw new IllegalArgumentException("Branch " + branch.fromBus() + "-"
                        + branch.toBus() + " (row " + branch.branchIndex() + ") of "
                        + network.caseName() + " is in service with zero reactance or tap");
            }
            fromBus[k] = busPosition(branch.fromBus());
            toBus[k] = busPosition(branch.toBus());
            susceptancePu[k] = branch.dcSusceptancePu();
            shiftRad[k] = Math.toRadians(branch.phaseShiftDegrees());
        }
    }

    /** Labels the islands by union-find over in-service branches. Isolated buses get -1. */
    private int[] islands() {
        int n = busCount();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int k = 0; k < fromBus.length; k++) {
            parent[root(parent, fromBus[k])] = root(parent, toBus[k]);
        }
        int[] island = new int[n];
        Map<Integer, Integer> islandByRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (network.buses().get(i).type() == GridBus.ISOLATED) {
                island[i] = -1;
            } else {
                island[i] = islandByRoot.computeIfAbsent(root(parent, i),
                        r -> islandByRoot.size());
            }
        }
        return island;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private int[] referenceBuses() {
        int islands = Arrays.stream(islandOfBus).max().orElse(-1) + 1;
        double[] capacityMw = capacityByBus();
        int[] reference = new int[islands];
        Arrays.fill(reference, -1);
        List<List<Integer>> typeThree = new ArrayList<>();
        for (int i = 0; i < islands; i++) {
            typeThree.add(new ArrayList<>());
        }
        for (int i = 0; i < busCount(); i++) {
            int island = islandOfBus[i];
            if (island < 0) {
                continue;
            }
            if (network.buses().get(i).isReference()) {
                typeThree.get(island).add(i);
            }
            if (reference[island] < 0 || capacityMw[i] > capacityMw[reference[island]]) {
                reference[island] = i;
            }
        }
        for (int island = 0; island < islands; island++) {
            List<Integer> candidates = typeThree.get(island);
            if (!candidates.isEmpty()) {
                reference[island] = candidates.get(0);
            }
            if (candidates.size() > 1) {
                LOG.warn("Island of bus {} in {} has {} reference (type 3) buses, using bus {}",
                        busId(candidates.get(0)), network.caseName(), candidates.size(),
                        busId(candidates.get(0)));
            }
        }
        return reference;
    }

    private double[] capacityByBus() {
        double[] capacityMw = new double[busCount()];
        for (GridGenerator generator : network.generators()) {
            if (generator.inService()) {
                capacityMw[busPosition(generator.busId())] += generator.maxOutputMw();
            }
        }
        return capacityMw;
    }

    private int busId(int position) {
        return network.buses().get(position).busId();
    }

    /**
     * Returns the injections that represent the phase shifters: a shift angle φ on a branch of
     * susceptance b adds b·φ at the from bus and removes it at the to bus, as in MATPOWER's
     * {@code makeBdc}.
     */
    private double[] shiftInjections() {
        double[] injectionMw = new double[busCount()];
        for (int k = 0; k < fromBus.length; k++) {
            double shiftMw = network.baseMva() * susceptancePu[k] * shiftRad[k];
            injectionMw[fromBus[k]] += shiftMw;
            injectionMw[toBus[k]] -= shiftMw;
        }
        return injectionMw;
    }

    /**
     * Factors the bus susceptance matrix with the rows and columns of reference and isolated
     * buses replaced by the identity, which makes it positive definite for a connected,
     * positive-reactance network and keeps the islands apart.
     */
    private double[] factor() {
        int n = busCount();
        double[] matrix = new double[n * n];
        for (int k = 0; k < fromBus.length; k++) {
            int f = fromBus[k];
            int t = toBus[k];
            if (isSolvedFor(f)) {
                matrix[f * n + f] += susceptancePu[k];
            }
            if (isSolvedFor(t)) {
                matrix[t * n + t] += susceptancePu[k];
            }
            if (isSolvedFor(f) && isSolvedFor(t)) {
                matrix[f * n + t] -= susceptancePu[k];
                matrix[t * n + f] -= susceptancePu[k];
            }
        }
        for (int i = 0; i < n; i++) {
            if (!isSolvedFor(i)) {
                matrix[i * n + i] = 1.0;
            }
        }
        intW info = new intW(0);
        JavaLAPACK.getInstance().dpotrf("L", n, matrix, n, info);
        if (info.val != 0) {
            throw new IllegalArgumentException("Susceptance matrix of " + network.caseName()
                    + " is not positive definite (LAPACK dpotrf info " + info.val
                    + "), check for negative or tiny branch reactances");
        }
        return matrix;
    }
}
