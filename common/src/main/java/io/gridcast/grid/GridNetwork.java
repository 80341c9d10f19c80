package io.gridcast.grid;

import java.io.Serializable;
import java.util.List;

/**
 * One snapshot of a transmission network as a case file or CSV tables describe it.
 *
 * @param caseName name of the case, from its file
 * @param baseMva system MVA base of the per-unit values
 * @param buses buses in case order
 * @param branches branches in case order, including those out of service
 * @param generators generating units in case order, including those off line
 */
public record GridNetwork(String caseName, double baseMva, List<GridBus> buses,
        List<GridBranch> branches, List<GridGenerator> generators) implements Serializable {

    public GridNetwork {
        buses = List.copyOf(buses);
        branches = List.copyOf(branches);
        generators = List.copyOf(generators);
    }

    /** Returns the DC demand summed over every bus, in MW. */
    public double totalDemandMw() {
        return buses.stream().mapToDouble(GridBus::dcDemandMw).sum();
    }
}
