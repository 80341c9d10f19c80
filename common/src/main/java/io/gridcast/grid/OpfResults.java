package io.gridcast.grid;

import io.gridcast.grid.DcOpfResult.Status;
import io.gridcast.grid.DispatchProblem.Dispatch;

/** Turns an optimal dispatch into a {@link DcOpfResult} in the network's own order. */
final class OpfResults {

    private OpfResults() {
    }

    /**
     * Builds the result: dispatch by generator, flows and shadow prices by branch, and prices by
     * bus. A bus's LMP is its island price plus Σ row dual · shift factor over the monitored
     * branches. A row dual is the cost change per MW of the row's bound, so MU_SF is minus the
     * dual of a row at its upper bound and MU_ST the dual of a row at its lower bound.
     */
    static DcOpfResult optimal(DcNetworkModel model, OpfGenerator[] units,
            int[] pricedIndexOfIsland, DispatchProblem problem, Dispatch dispatch,
            double[] injectionMw, String path, int rounds, long startNanos) {
        GridNetwork network = model.network();
        double[] dispatchMw = new double[network.generators().size()];
        double objectiveUsdPerHour = 0.0;
        for (int u = 0; u < units.length; u++) {
            dispatchMw[units[u].generatorPosition] = dispatch.outputMw()[u];
            objectiveUsdPerHour += units[u].costUsdPerHour(dispatch.outputMw()[u]);
        }
        int branches = network.branches().size();
        double[] flowMw = new double[branches];
        double[] muSf = new double[branches];
        double[] muSt = new double[branches];
        double[] modelFlowsMw = model.branchFlowsMw(injectionMw);
        for (int k = 0; k < modelFlowsMw.length; k++) {
            flowMw[model.branchPosition(k)] = modelFlowsMw[k];
        }
        for (int r = 0; r < problem.rowCount(); r++) {
            int position = model.branchPosition(problem.rowBranch()[r]);
            double dual = dispatch.rowDualUsdPerMwh()[r];
            muSf[position] = Math.max(-dual, 0.0);
            muSt[position] = Math.max(dual, 0.0);
        }
        Prices prices = prices(model, pricedIndexOfIsland, problem, dispatch);
        return new DcOpfResult(network.caseName(), Status.OPTIMAL, path, objectiveUsdPerHour,
                prices.lmp, prices.energy, prices.congestion, prices.loss, dispatchMw, flowMw,
                muSf, muSt, DcOptimalPowerFlow.seconds(startNanos), rounds);
    }

    private record Prices(double[] lmp, double[] energy, double[] congestion, double[] loss) {
    }

    private static Prices prices(DcNetworkModel model, int[] pricedIndexOfIsland,
            DispatchProblem problem, Dispatch dispatch) {
        int buses = model.busCount();
        double[] congestion = new double[buses];
        for (int r = 0; r < problem.rowCount(); r++) {
            double dual = dispatch.rowDualUsdPerMwh()[r];
            if (dual != 0) {
                double[] shiftFactors = model.shiftFactorRow(problem.rowBranch()[r]);
                for (int b = 0; b < buses; b++) {
                    congestion[b] += shiftFactors[b] * dual;
                }
            }
        }
        double[] lmp = new double[buses];
        double[] energy = new double[buses];
        double[] loss = new double[buses];
        for (int b = 0; b < buses; b++) {
            int island = model.islandOf(b);
            int priced = island < 0 ? -1 : pricedIndexOfIsland[island];
            if (priced < 0) {
                lmp[b] = Double.NaN;
                energy[b] = Double.NaN;
                congestion[b] = Double.NaN;
                loss[b] = Double.NaN;
            } else {
                energy[b] = dispatch.islandPriceUsdPerMwh()[priced];
                lmp[b] = energy[b] + congestion[b];
            }
        }
        return new Prices(lmp, energy, congestion, loss);
    }
}
