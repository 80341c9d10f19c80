package io.gridcast.grid;

import io.gridcast.ingest.InvalidInputException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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

    /** Returns a copy of this network under another case name. */
    public GridNetwork withCaseName(String name) {
        return new GridNetwork(name, baseMva, buses, branches, generators);
    }

    /**
     * Checks that bus ids are unique and that every branch and generator is at a bus of the
     * case.
     *
     * @throws InvalidInputException naming the first bus, branch or generator that fails
     */
    public void checkReferences() {
        Set<Integer> busIds = new HashSet<>();
        for (GridBus bus : buses) {
            if (!busIds.add(bus.busId())) {
                throw new InvalidInputException("Invalid network " + caseName + ": bus id "
                        + bus.busId() + " appears twice");
            }
        }
        for (GridBranch branch : branches) {
            for (int end : new int[] {branch.fromBus(), branch.toBus()}) {
                if (!busIds.contains(end)) {
                    throw new InvalidInputException("Invalid network " + caseName + ": branch "
                            + branch.branchIndex() + " connects bus " + end
                            + ", which the case does not have");
                }
            }
        }
        for (GridGenerator generator : generators) {
            if (!busIds.contains(generator.busId())) {
                throw new InvalidInputException("Invalid network " + caseName + ": generator "
                        + generator.generatorIndex() + " is at bus " + generator.busId()
                        + ", which the case does not have");
            }
        }
    }

    /** Returns the DC demand summed over every bus, in MW. */
    public double totalDemandMw() {
        return buses.stream().mapToDouble(GridBus::dcDemandMw).sum();
    }
}
