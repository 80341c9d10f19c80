package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.grid.DcOpfResult.Status;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The DC OPF on small networks whose results are worked by hand in the comments.
 *
 * <p>Shift factors of the three-bus triangle (equal reactances, reference bus 1): a MW injected
 * at bus 2 and taken out at bus 1 splits 2/3 on the direct line 2-1 and 1/3 on the path 2-3-1,
 * so PTDF(1-2, bus 2) = -2/3, PTDF(1-3, bus 2) = -1/3, PTDF(2-3, bus 2) = +1/3. By symmetry
 * PTDF(1-3, bus 3) = -2/3, PTDF(1-2, bus 3) = -1/3, PTDF(2-3, bus 3) = -1/3.
 */
class DcOptimalPowerFlowTest {

    private static final Offset<Double> MW = within(1e-6);
    private static final Offset<Double> USD = within(1e-6);

    private static double[] lmps(DcOpfResult result) {
        return result.lmpUsdPerMwh();
    }

    @Test
    void uncongestedTriangleHasOnePrice() {
        // Generator 2 is cheapest and has room for the whole 10 MW, so it sets every price.
        // Flows with 10 MW in at bus 2 and out at bus 3:
        // 1-2 = -2/3·10 + (-1/3)·(-10) = -10/3, 1-3 = -1/3·10 + (-2/3)·(-10) = 10/3,
        // 2-3 = 1/3·10 + (-1/3)·(-10) = 20/3.
        DcOpfResult result = new DcOptimalPowerFlow(ThreeBusCase.withLoad(10.0)).solve();

        assertThat(result.status()).isEqualTo(Status.OPTIMAL);
        assertThat(result.message()).isEqualTo("GLOP");
        assertThat(lmps(result)).containsExactly(new double[] {2.0, 2.0, 2.0}, USD);
        assertThat(result.dispatchMw()).containsExactly(new double[] {0.0, 10.0}, MW);
        assertThat(result.branchFlowMw())
                .containsExactly(new double[] {-10.0 / 3, 10.0 / 3, 20.0 / 3}, MW);
        assertThat(result.objectiveUsdPerHour()).isCloseTo(20.0, USD);
        assertThat(10.0 * result.lmpUsdPerMwh()[2]).as("load payment $/h").isCloseTo(20.0, USD);
        assertThat(result.bindingBranchCount()).isZero();
    }

    @Test
    void radialLimitSplitsPrices() {
        // Line 2-3 is out, so generator 2's output flows only on 1-2: flow 1-2 = -P2. At the
        // 4 MW limit (flowing 2 to 1) generator 2 runs 4 MW and generator 1 the other 6 MW.
        // Generator 1 is marginal, so the reference price is $4. Generator 2 is marginal too,
        // so LMP 2 = $2 = 4 − PTDF(1-2, bus 2)·(muSf − muSt) = 4 − (−1)·(0 − muSt), giving
        // muSt = $2/MWh. Bus 3 has PTDF 0 on line 1-2, so it pays the reference price $4.
        // Load pays 10 × 4 = $40, generators earn 4 × 2 + 6 × 4 = $32, and the $8 rent is
        // muSt × limit = 2 × 4.
        DcOpfResult result = new DcOptimalPowerFlow(ThreeBusCase.radial(4.0)).solve();

        assertThat(lmps(result)).containsExactly(new double[] {4.0, 2.0, 4.0}, USD);
        assertThat(result.dispatchMw()).containsExactly(new double[] {6.0, 4.0}, MW);
        assertThat(result.branchFlowMw()).containsExactly(new double[] {-4.0, 10.0, 0.0}, MW);
        assertThat(result.muSfUsdPerMwh()).containsExactly(new double[] {0.0, 0.0, 0.0}, USD);
        assertThat(result.muStUsdPerMwh()).containsExactly(new double[] {2.0, 0.0, 0.0}, USD);
        assertThat(result.energyComponentUsdPerMwh())
                .containsExactly(new double[] {4.0, 4.0, 4.0}, USD);
        assertThat(result.congestionComponentUsdPerMwh())
                .containsExactly(new double[] {0.0, -2.0, 0.0}, USD);
        assertThat(result.lossComponentUsdPerMwh()).containsExactly(0.0, 0.0, 0.0);
        double loadPaymentUsd = 10.0 * result.lmpUsdPerMwh()[2];
        double generatorRevenueUsd = 6.0 * result.lmpUsdPerMwh()[0]
                + 4.0 * result.lmpUsdPerMwh()[1];
        assertThat(loadPaymentUsd).isCloseTo(40.0, USD);
        assertThat(4.0 * result.lmpUsdPerMwh()[1]).as("generator 2 revenue").isCloseTo(8.0, USD);
        assertThat(6.0 * result.lmpUsdPerMwh()[0]).as("generator 1 revenue").isCloseTo(24.0, USD);
        assertThat(loadPaymentUsd - generatorRevenueUsd).as("congestion rent").isCloseTo(8.0, USD);
        assertThat(result.objectiveUsdPerHour()).isCloseTo(32.0, USD);
        assertThat(result.bindingBranchCount()).isEqualTo(1);
    }

    @Test
    void meshedLimitPricesLoadAboveOffers() {
        // Flow 2-3 = P2/3 + 10/3, so a 14/3 MW limit on 2-3 limits generator 2 to 4 MW.
        // Generators 1 (6 MW) and 2 (4 MW) are both marginal: LMP 1 = $4 and
        // LMP 2 = 4 − PTDF(2-3, bus 2)·muSf = 4 − muSf/3 = 2, so muSf = $6/MWh.
        // LMP 3 = 4 − PTDF(2-3, bus 3)·6 = 4 + 6/3 = $6, above both offers: serving one more MW
        // at bus 3 takes 2 MW more from generator 1 and 1 MW less from generator 2
        // (2·4 − 2 = 6), which keeps flow 2-3 at its limit.
        // Load pays 10 × 6 = $60, generators earn 6 × 4 + 4 × 2 = $32, rent 28 = 6 × 14/3.
        DcOpfResult result = new DcOptimalPowerFlow(
                ThreeBusCase.triangle(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
                        14.0 / 3)).solve();

        assertThat(lmps(result)).containsExactly(new double[] {4.0, 2.0, 6.0}, USD);
        assertThat(result.dispatchMw()).containsExactly(new double[] {6.0, 4.0}, MW);
        assertThat(result.branchFlowMw())
                .containsExactly(new double[] {2.0 / 3, 16.0 / 3, 14.0 / 3}, MW);
        assertThat(result.muSfUsdPerMwh()[2]).isCloseTo(6.0, USD);
        assertThat(result.congestionComponentUsdPerMwh())
                .containsExactly(new double[] {0.0, -2.0, 2.0}, USD);
        double rentUsd = 10.0 * 6.0 - (6.0 * 4.0 + 4.0 * 2.0);
        assertThat(rentUsd).isCloseTo(result.muSfUsdPerMwh()[2] * 14.0 / 3, USD);
    }

    @Test
    void shiftFactorsMatchHandValues() {
        DcNetworkModel model = new DcNetworkModel(ThreeBusCase.withLoad(10.0));

        assertThat(model.shiftFactorRow(0)).containsExactly(
                new double[] {0.0, -2.0 / 3, -1.0 / 3}, within(1e-12));
        assertThat(model.shiftFactorRow(1)).containsExactly(
                new double[] {0.0, -1.0 / 3, -2.0 / 3}, within(1e-12));
        assertThat(model.shiftFactorRow(2)).containsExactly(
                new double[] {0.0, 1.0 / 3, -1.0 / 3}, within(1e-12));
    }

    @Test
    void loadBeyondCapacityIsInfeasible() {
        DcOpfResult result = new DcOptimalPowerFlow(ThreeBusCase.withLoad(40.0)).solve();

        assertThat(result.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(result.message()).isEqualTo(
                "demand 40.0 MW in the island of bus 1 exceeds its on-line capacity 30.0 MW");
        assertThat(result.lmpUsdPerMwh()).isEmpty();
        assertThat(result.dispatchMw()).isEmpty();
        assertThat(result.objectiveUsdPerHour()).isNaN();
        assertThatThrownBy(result::requireOptimal)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("DC OPF of three_bus is INFEASIBLE: demand 40.0 MW in the island of "
                        + "bus 1 exceeds its on-line capacity 30.0 MW");
    }

    @Test
    void minimumAboveMaximumIsInfeasible() {
        GridNetwork base = ThreeBusCase.withLoad(10.0);
        GridNetwork network = new GridNetwork("three_bus", 100.0, base.buses(), base.branches(),
                List.of(base.generators().get(0),
                        new GridGenerator(2, 2, 12.0, 10.0, true, GeneratorCost.offerPrice(2))));

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(result.message()).isEqualTo("conflicting limits: generator 2 at bus 2 has "
                + "PMIN 12.0 MW above PMAX 10.0 MW");
    }

    @Test
    void branchLimitsCanBeInfeasible() {
        // Bus 3 is fed only through line 1-3, limited to 5 MW, but needs 10 MW.
        GridNetwork network = ThreeBusCase.network(List.of(
                ThreeBusCase.line(1, 1, 2, Double.POSITIVE_INFINITY, true),
                ThreeBusCase.line(2, 1, 3, 5.0, true),
                ThreeBusCase.line(3, 2, 3, Double.POSITIVE_INFINITY, false)), 10.0);

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.status()).isEqualTo(Status.INFEASIBLE);
        assertThat(result.message()).startsWith("no dispatch meets the generator limits and "
                + "the flow limits of 1 branches 1-3 (row 2)");
        assertThat(result.lmpUsdPerMwh()).isEmpty();
    }

    @Test
    void loadVectorReplacesCaseLoads() {
        DcOptimalPowerFlow opf = new DcOptimalPowerFlow(ThreeBusCase.withLoad(10.0));

        DcOpfResult result = opf.solve(new double[] {0.0, 0.0, 25.0});

        // Generator 2 runs flat out (20 MW) and generator 1 sets the $4 price.
        assertThat(lmps(result)).containsExactly(new double[] {4.0, 4.0, 4.0}, USD);
        assertThat(result.dispatchMw()).containsExactly(new double[] {5.0, 20.0}, MW);
        assertThat(opf.caseLoadMw()).containsExactly(0.0, 0.0, 10.0);
        assertThatThrownBy(() -> opf.solve(new double[] {1.0, 2.0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Expected 3 bus loads for three_bus, got 2");
    }

    @Test
    void quadraticCostsShareByMarginalCost() {
        // Two units at one bus, 300 MW load. Marginal costs 10 + 0.02·PA and 8 + 0.04·PB are
        // equal at the price λ: PA = (λ − 10)/0.02, PB = (λ − 8)/0.04, PA + PB = 75λ − 700 = 300,
        // so λ = 40/3, PA = 500/3, PB = 400/3.
        GridNetwork network = twoBus(List.of(
                unit(1, 1, 0, 500, new double[] {0.01, 10, 100}),
                unit(2, 1, 0, 500, new double[] {0.02, 8, 50})), 300.0, Double.POSITIVE_INFINITY);

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.message()).isEqualTo("PDLP and active set");
        assertThat(lmps(result)).containsExactly(new double[] {40.0 / 3, 40.0 / 3}, within(1e-9));
        assertThat(result.dispatchMw()).containsExactly(new double[] {500.0 / 3, 400.0 / 3},
                within(1e-9));
        double objective = 0.01 * Math.pow(500.0 / 3, 2) + 10 * 500.0 / 3 + 100
                + 0.02 * Math.pow(400.0 / 3, 2) + 8 * 400.0 / 3 + 50;
        assertThat(result.objectiveUsdPerHour()).isCloseTo(objective, within(1e-9));
    }

    @Test
    void piecewiseCostsUseSegmentSlopes() {
        // Unit 1's curve (0, 0), (10, 20), (20, 60) has slopes 2 and 4. Unit 2 offers at 3.
        // For 15 MW: unit 1's first 10 MW at 2, then unit 2 for 5 MW at 3, which sets the price.
        GridNetwork network = twoBus(List.of(
                piecewise(1, new double[] {0, 10, 20}, new double[] {0, 20, 60}),
                new GridGenerator(2, 1, 0, 50, true, GeneratorCost.offerPrice(3.0))),
                15.0, Double.POSITIVE_INFINITY);

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.message()).isEqualTo("GLOP");
        assertThat(lmps(result)).containsExactly(new double[] {3.0, 3.0}, USD);
        assertThat(result.dispatchMw()).containsExactly(new double[] {10.0, 5.0}, MW);
        assertThat(result.objectiveUsdPerHour()).isCloseTo(20.0 + 15.0, USD);
    }

    @Test
    void quadraticUnitMeetsPiecewiseKink() {
        // Unit 1 as above (slopes 2 then 4), unit 2 costs 0.05·P² + 2.5·P (marginal
        // 2.5 + 0.1·P). For 20 MW unit 1 stops at its 10 MW kink, unit 2 runs 10 MW at a
        // marginal cost of $3.5, inside unit 1's range [2, 4] at the kink.
        GridNetwork network = twoBus(List.of(
                piecewise(1, new double[] {0, 10, 20}, new double[] {0, 20, 60}),
                unit(2, 1, 0, 50, new double[] {0.05, 2.5, 0})), 20.0, Double.POSITIVE_INFINITY);

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.message()).isEqualTo("PDLP and active set");
        assertThat(lmps(result)).containsExactly(new double[] {3.5, 3.5}, within(1e-9));
        assertThat(result.dispatchMw()).containsExactly(new double[] {10.0, 10.0}, within(1e-9));
        assertThat(result.objectiveUsdPerHour()).isCloseTo(20.0 + 5.0 + 25.0, within(1e-9));
    }

    @Test
    void phaseShifterShiftsParallelFlow() {
        // Two parallel lines 1-2 of x = 0.1 p.u. (b = 1000 MW/rad on 100 MVA), the second
        // with a 1 degree shift. Flow k = b·(θ1 − θ2 − φk) and the two carry 100 MW, so
        // θ1 − θ2 = (100 + b·φ)/(2b) and the flows are 50 ± b·φ/2 with b·φ = 17.4533 MW.
        GridNetwork base = twoBus(List.of(
                new GridGenerator(1, 1, 0, 200, true, GeneratorCost.offerPrice(5.0))),
                100.0, Double.POSITIVE_INFINITY);
        GridBranch shifted = new GridBranch(2, 1, 2, 0.1, 1.0, 1.0, Double.POSITIVE_INFINITY,
                true);
        GridNetwork network = new GridNetwork("shifter", 100.0, base.buses(),
                List.of(base.branches().get(0), shifted), base.generators());

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        double shiftMw = 1000.0 * Math.toRadians(1.0);
        assertThat(result.branchFlowMw()).containsExactly(
                new double[] {50 + shiftMw / 2, 50 - shiftMw / 2}, MW);
        assertThat(lmps(result)).containsExactly(new double[] {5.0, 5.0}, USD);
    }

    @Test
    void islandsArePricedApart() {
        // Buses 1-2 and 3-4 form two islands. The second has no type-3 bus, so its reference
        // is bus 4, the bus with the most generating capacity.
        List<GridBus> buses = List.of(
                new GridBus(1, "", GridBus.REFERENCE, 0.0, 0.0, 1, 230.0),
                new GridBus(2, "", 1, 30.0, 0.0, 1, 230.0),
                new GridBus(3, "", 1, 20.0, 0.0, 1, 230.0),
                new GridBus(4, "", 2, 0.0, 0.0, 1, 230.0),
                new GridBus(5, "", GridBus.ISOLATED, 7.0, 0.0, 1, 230.0));
        List<GridBranch> branches = List.of(
                ThreeBusCase.line(1, 1, 2, Double.POSITIVE_INFINITY, true),
                ThreeBusCase.line(2, 3, 4, Double.POSITIVE_INFINITY, true),
                ThreeBusCase.line(3, 4, 5, Double.POSITIVE_INFINITY, true));
        List<GridGenerator> generators = List.of(
                new GridGenerator(1, 1, 0, 100, true, GeneratorCost.offerPrice(10.0)),
                new GridGenerator(2, 4, 0, 100, true, GeneratorCost.offerPrice(25.0)),
                new GridGenerator(3, 5, 0, 100, true, GeneratorCost.offerPrice(1.0)));
        GridNetwork network = new GridNetwork("islands", 100.0, buses, branches, generators);

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        DcNetworkModel model = new DcNetworkModel(network);
        assertThat(model.islandCount()).isEqualTo(2);
        assertThat(model.referenceBus(model.islandOf(2))).isEqualTo(3);
        assertThat(model.islandOf(4)).isEqualTo(-1);
        assertThat(result.lmpUsdPerMwh()[0]).isCloseTo(10.0, USD);
        assertThat(result.lmpUsdPerMwh()[1]).isCloseTo(10.0, USD);
        assertThat(result.lmpUsdPerMwh()[2]).isCloseTo(25.0, USD);
        assertThat(result.lmpUsdPerMwh()[3]).isCloseTo(25.0, USD);
        assertThat(result.lmpUsdPerMwh()[4]).isNaN();
        assertThat(result.dispatchMw()).containsExactly(new double[] {30.0, 20.0, 0.0}, MW);
        assertThat(result.branchFlowMw()).containsExactly(new double[] {30.0, -20.0, 0.0}, MW);
    }

    @Test
    void warmStartMatchesColdSolve() {
        GridNetwork network = MatpowerCaseReader.read(
                SampleCases.REFERENCE.resolve("case9_congested.m"));
        DcOptimalPowerFlow warm = new DcOptimalPowerFlow(network);
        double[] lowerLoadMw = warm.caseLoadMw();
        for (int b = 0; b < lowerLoadMw.length; b++) {
            lowerLoadMw[b] *= 0.8;
        }

        warm.solve();
        DcOpfResult fromWarm = warm.solve(lowerLoadMw);
        DcOpfResult fromCold = new DcOptimalPowerFlow(network).solve(lowerLoadMw);

        assertThat(fromWarm.message()).isEqualTo("warm-started active set");
        assertThat(fromWarm.iterations()).isEqualTo(1);
        assertThat(fromCold.iterations()).isEqualTo(2);
        assertThat(fromWarm.lmpUsdPerMwh()).containsExactly(fromCold.lmpUsdPerMwh(),
                within(1e-9));
        assertThat(fromWarm.branchFlowMw()).containsExactly(fromCold.branchFlowMw(),
                within(1e-9));
        assertThat(fromWarm.objectiveUsdPerHour())
                .isCloseTo(fromCold.objectiveUsdPerHour(), within(1e-9));
    }

    @Test
    void cubicCostRejected() {
        GridNetwork network = twoBus(List.of(unit(1, 1, 0, 50, new double[] {0.001, 0, 1, 0})),
                10.0, Double.POSITIVE_INFINITY);

        assertThatThrownBy(() -> new DcOptimalPowerFlow(network))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Generator 1 at bus 1 has a polynomial cost of degree 3, the DC OPF "
                        + "takes at most quadratic costs");
    }

    @Test
    void concavePiecewiseRejected() {
        GridNetwork network = twoBus(List.of(
                piecewise(1, new double[] {0, 10, 20}, new double[] {0, 40, 60})),
                10.0, Double.POSITIVE_INFINITY);

        assertThatThrownBy(() -> new DcOptimalPowerFlow(network))
                .hasMessage("Generator 1 at bus 1 has a non-convex piecewise-linear cost "
                        + "(slope 2.0 $/MWh after 4.0 $/MWh)");
    }

    /** Returns buses 1 (reference) and 2 (with {@code loadMw}) joined by one line. */
    static GridNetwork twoBus(List<GridGenerator> generators, double loadMw, double rateMw) {
        List<GridBus> buses = List.of(
                new GridBus(1, "", GridBus.REFERENCE, 0.0, 0.0, 1, 230.0),
                new GridBus(2, "", 1, loadMw, 0.0, 1, 230.0));
        return new GridNetwork("two_bus", 100.0, buses,
                List.of(ThreeBusCase.line(1, 1, 2, rateMw, true)), generators);
    }

    static GridGenerator unit(int index, int bus, double minMw, double maxMw,
            double[] polynomial) {
        return new GridGenerator(index, bus, minMw, maxMw, true,
                new GeneratorCost(polynomial, new double[0], new double[0], 0.0));
    }

    static GridGenerator piecewise(int index, double[] pointsMw, double[] pointsUsd) {
        return new GridGenerator(index, 1, pointsMw[0], pointsMw[pointsMw.length - 1], true,
                new GeneratorCost(new double[0], pointsMw, pointsUsd, 0.0));
    }
}
