package io.gridcast.grid;

import java.util.ArrayList;
import java.util.List;

/**
 * The textbook three-bus market: buses 1, 2 and 3 joined by lines 1-2, 1-3 and 2-3 of equal
 * reactance (0.1 p.u. on 100 MVA). Generator 1 at bus 1 offers 10 MW at $4/MWh, generator 2 at
 * bus 2 offers 20 MW at $2/MWh, and bus 3 has a 10 MW load. Bus 1 is the reference.
 */
final class ThreeBusCase {

    static final double REACTANCE_PU = 0.1;

    private ThreeBusCase() {
    }

    /** Returns the triangle with the given limits on lines 1-2, 1-3 and 2-3, in MW. */
    static GridNetwork triangle(double rate12Mw, double rate13Mw, double rate23Mw) {
        return network(List.of(
                line(1, 1, 2, rate12Mw, true),
                line(2, 1, 3, rate13Mw, true),
                line(3, 2, 3, rate23Mw, true)), 10.0);
    }

    /**
     * Returns the radial variant: line 2-3 out of service, so generator 2 reaches the load only
     * through line 1-2, limited to {@code rate12Mw}.
     */
    static GridNetwork radial(double rate12Mw) {
        return network(List.of(
                line(1, 1, 2, rate12Mw, true),
                line(2, 1, 3, Double.POSITIVE_INFINITY, true),
                line(3, 2, 3, Double.POSITIVE_INFINITY, false)), 10.0);
    }

    /** Returns the uncongested triangle with a different load at bus 3. */
    static GridNetwork withLoad(double loadMw) {
        double unlimited = Double.POSITIVE_INFINITY;
        return network(List.of(
                line(1, 1, 2, unlimited, true),
                line(2, 1, 3, unlimited, true),
                line(3, 2, 3, unlimited, true)), loadMw);
    }

    static GridNetwork network(List<GridBranch> branches, double loadMw) {
        List<GridBus> buses = List.of(
                new GridBus(1, "one", GridBus.REFERENCE, 0.0, 0.0, 1, 230.0),
                new GridBus(2, "two", 2, 0.0, 0.0, 1, 230.0),
                new GridBus(3, "three", 1, loadMw, 0.0, 1, 230.0));
        List<GridGenerator> generators = new ArrayList<>();
        generators.add(new GridGenerator(1, 1, 0.0, 10.0, true, GeneratorCost.offerPrice(4.0)));
        generators.add(new GridGenerator(2, 2, 0.0, 20.0, true, GeneratorCost.offerPrice(2.0)));
        return new GridNetwork("three_bus", 100.0, buses, branches, generators);
    }

    static GridBranch line(int index, int fromBus, int toBus, double rateMw, boolean inService) {
        return new GridBranch(index, fromBus, toBus, REACTANCE_PU, 1.0, 0.0, rateMw, inService);
    }
}
