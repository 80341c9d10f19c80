package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The DC OPF against MATPOWER 8.1.1-dev {@code rundcopf} results (MIPS for quadratic costs,
 * GLPK for case9_linear), read from the bundled CSV files, which carry 6 decimals.
 */
class MatpowerReferenceTest {

    /** LMP and shadow price tolerance in $/MWh. */
    private static final double PRICE_TOLERANCE = 1e-4;

    /** Dispatch and flow tolerance in MW. */
    private static final double MW_TOLERANCE = 1e-4;

    /** Relative objective tolerance. */
    private static final double OBJECTIVE_TOLERANCE = 1e-6;

    private static final Pattern OBJECTIVE = Pattern.compile("objective_f: (\\S+)");

    @ParameterizedTest
    @ValueSource(strings = {"case9", "case14", "case9_congested", "case14_congested",
        "case9_linear"})
    void resultMatchesMatpower(String name) throws IOException {
        GridNetwork network = MatpowerCaseReader.read(SampleCases.REFERENCE.resolve(name + ".m"));

        DcOpfResult result = new DcOptimalPowerFlow(network).solve();

        assertThat(result.isOptimal()).as(result.message()).isTrue();
        double[] lmp = column(name + "_lmp.csv", 1);
        double[] dispatch = column(name + "_gen.csv", 1);
        double[] flow = column(name + "_branch.csv", 2);
        double[] muSf = column(name + "_branch.csv", 3);
        double[] muSt = column(name + "_branch.csv", 4);
        double objective = objective(name);
        double objectiveError = Math.abs(result.objectiveUsdPerHour() - objective) / objective;
        System.out.printf("%s: objective relative error %.1e, max |dLMP| %.1e $/MWh, "
                + "max |dPg| %.1e MW, max |dPf| %.1e MW, max |dMu| %.1e $/MWh (%s)%n", name,
                objectiveError, maxDifference(lmp, result.lmpUsdPerMwh()),
                maxDifference(dispatch, result.dispatchMw()),
                maxDifference(flow, result.branchFlowMw()),
                Math.max(maxDifference(muSf, result.muSfUsdPerMwh()),
                        maxDifference(muSt, result.muStUsdPerMwh())), result.message());
        assertThat(objectiveError).isLessThan(OBJECTIVE_TOLERANCE);
        assertThat(result.lmpUsdPerMwh()).containsExactly(lmp, within(PRICE_TOLERANCE));
        assertThat(result.dispatchMw()).containsExactly(dispatch, within(MW_TOLERANCE));
        assertThat(result.branchFlowMw()).containsExactly(flow, within(MW_TOLERANCE));
        assertThat(result.muSfUsdPerMwh()).containsExactly(muSf, within(PRICE_TOLERANCE));
        assertThat(result.muStUsdPerMwh()).containsExactly(muSt, within(PRICE_TOLERANCE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"case9_congested", "case14_congested", "case9_linear"})
    void congestionIsShiftFactorsTimesShadowPrices(String name) {
        GridNetwork network = MatpowerCaseReader.read(SampleCases.REFERENCE.resolve(name + ".m"));
        DcOptimalPowerFlow opf = new DcOptimalPowerFlow(network);

        DcOpfResult result = opf.solve();

        assertCongestionDecomposes(opf.model(), result);
    }

    @Test
    void activsg2000MeetsOptimalityConditions() {
        GridNetwork network = MatpowerCaseReader.read(
                MatpowerCaseReaderTest.MATPOWER.resolve("case_ACTIVSg2000.m"));
        DcOptimalPowerFlow opf = new DcOptimalPowerFlow(network);
        double[] loadMw = opf.caseLoadMw();
        for (int b = 0; b < loadMw.length; b++) {
            loadMw[b] *= 0.7;
        }

        DcOpfResult result = opf.solve(loadMw);

        assertThat(result.isOptimal()).as(result.message()).isTrue();
        assertThat(result.bindingBranchCount()).isPositive();
        assertThat(Arrays.stream(result.dispatchMw()).sum())
                .isCloseTo(Arrays.stream(loadMw).sum(), within(1e-6));
        for (int k = 0; k < network.branches().size(); k++) {
            assertThat(Math.abs(result.branchFlowMw()[k]))
                    .as("flow of branch row %d", k + 1)
                    .isLessThanOrEqualTo(network.branches().get(k).rateAMw() + 1e-6);
        }
        assertUnitsFollowPrices(opf.model(), result);
        assertCongestionDecomposes(opf.model(), result);
    }

    /**
     * Checks each on-line unit against the LMP at its bus, the optimality condition for
     * quadratic costs. A unit strictly inside its limits has a marginal cost equal to the LMP.
     * A unit at Pmax has a marginal cost no higher, and a unit at Pmin one no lower.
     */
    static void assertUnitsFollowPrices(DcNetworkModel model, DcOpfResult result) {
        List<GridGenerator> generators = model.network().generators();
        for (int g = 0; g < generators.size(); g++) {
            GridGenerator unit = generators.get(g);
            if (!unit.inService()) {
                continue;
            }
            double outputMw = result.dispatchMw()[g];
            double[] c = OpfGenerator.quadraticCoefficients(unit);
            double marginalCost = c[1] + 2 * c[0] * outputMw;
            double lmp = result.lmpUsdPerMwh()[model.busPosition(unit.busId())];
            String what = "generator " + unit.generatorIndex() + " at " + outputMw + " MW";
            if (outputMw > unit.minOutputMw() + 1e-6 && outputMw < unit.maxOutputMw() - 1e-6) {
                assertThat(marginalCost).as(what).isCloseTo(lmp, within(1e-6));
            } else if (outputMw >= unit.maxOutputMw() - 1e-6
                    && unit.maxOutputMw() > unit.minOutputMw()) {
                assertThat(marginalCost).as(what).isLessThanOrEqualTo(lmp + 1e-6);
            } else if (unit.maxOutputMw() > unit.minOutputMw()) {
                assertThat(marginalCost).as(what).isGreaterThanOrEqualTo(lmp - 1e-6);
            }
        }
    }

    /**
     * Checks congestion = −Σ_k PTDF(k, bus)·(muSf_k − muSt_k) over all in-service branches,
     * with shift factors relative to the island's reference bus, and energy = reference LMP.
     */
    static void assertCongestionDecomposes(DcNetworkModel model, DcOpfResult result) {
        int buses = model.busCount();
        double[] expected = new double[buses];
        for (int k = 0; k < model.modelBranchCount(); k++) {
            int position = model.branchPosition(k);
            double mu = result.muSfUsdPerMwh()[position] - result.muStUsdPerMwh()[position];
            double[] shiftFactors = model.shiftFactorRow(k);
            for (int b = 0; b < buses; b++) {
                expected[b] -= shiftFactors[b] * mu;
            }
        }
        assertThat(result.congestionComponentUsdPerMwh()).containsExactly(expected,
                within(1e-9));
        for (int b = 0; b < buses; b++) {
            int reference = model.referenceBus(model.islandOf(b));
            assertThat(result.energyComponentUsdPerMwh()[b])
                    .isEqualTo(result.lmpUsdPerMwh()[reference]);
            assertThat(result.lmpUsdPerMwh()[b]).isCloseTo(result.energyComponentUsdPerMwh()[b]
                    + result.congestionComponentUsdPerMwh()[b], within(1e-12));
        }
    }

    private static double maxDifference(double[] expected, double[] actual) {
        double max = 0.0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs(expected[i] - actual[i]));
        }
        return max;
    }

    private static double[] column(String file, int column) throws IOException {
        List<String> lines = Files.readAllLines(SampleCases.REFERENCE.resolve(file));
        List<Double> values = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(Double.parseDouble(line.split(",")[column]));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double objective(String name) throws IOException {
        Path summary = SampleCases.REFERENCE.resolve(name + "_summary.txt");
        Matcher matcher = OBJECTIVE.matcher(Files.readString(summary));
        assertThat(matcher.find()).as("objective in " + summary).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
