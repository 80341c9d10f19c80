package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.ingest.InvalidInputException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** MATPOWER case files: the bundled cases, and small hand-written good and bad inputs. */
class MatpowerCaseReaderTest {

    static final Path MATPOWER = SampleCases.ROOT.resolve("data/samples/grid/matpower");

    /** A two-bus case in the layout savecase writes, with one line per row. */
    private static final String TWO_BUS = String.join("\n",
            "function mpc = two_bus",
            "mpc.version = '2';",
            "mpc.baseMVA = 100;",
            "mpc.bus = [",
            "\t1\t3\t0\t0\t0\t0\t1\t1\t0\t230\t1\t1.1\t0.9;",
            "\t2\t1\t50\t10\t2.5\t0\t1\t1\t0\t230\t1\t1.1\t0.9;",
            "];",
            "mpc.gen = [",
            "\t1\t0\t0\t100\t-100\t1\t100\t1\t80\t5\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0;",
            "];",
            "mpc.branch = [",
            "\t1\t2\t0.01\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
            "];",
            "mpc.gencost = [",
            "\t2\t0\t0\t3\t0.01\t10\t50;",
            "];",
            "");

    private static String twoBusWith(String target, String replacement) {
        assertThat(TWO_BUS).contains(target);
        return TWO_BUS.replace(target, replacement);
    }

    @Test
    void case9ReadsBusesBranchesAndCosts() {
        GridNetwork network = MatpowerCaseReader.read(MATPOWER.resolve("case9.m"));

        assertThat(network.caseName()).isEqualTo("case9");
        assertThat(network.baseMva()).isEqualTo(100.0);
        assertThat(network.buses()).hasSize(9);
        assertThat(network.branches()).hasSize(9);
        assertThat(network.generators()).hasSize(3);
        assertThat(network.totalDemandMw()).isEqualTo(315.0);
        assertThat(network.buses().get(0).isReference()).isTrue();
        assertThat(network.buses().get(4).loadMw()).isEqualTo(90.0);
        GridBranch second = network.branches().get(1);
        assertThat(second.branchIndex()).isEqualTo(2);
        assertThat(second.fromBus()).isEqualTo(4);
        assertThat(second.toBus()).isEqualTo(5);
        assertThat(second.reactancePu()).isEqualTo(0.092);
        assertThat(second.tapRatio()).isEqualTo(1.0);
        assertThat(second.rateAMw()).isEqualTo(250.0);
        GridGenerator first = network.generators().get(0);
        assertThat(first.minOutputMw()).isEqualTo(10.0);
        assertThat(first.maxOutputMw()).isEqualTo(250.0);
        assertThat(first.cost().polynomial()).containsExactly(0.11, 5.0, 150.0);
        assertThat(first.cost().startupUsd()).isEqualTo(1500.0);
    }

    @Test
    void case14ReadsNamesTapsAndNoLimits() {
        GridNetwork network = MatpowerCaseReader.read(MATPOWER.resolve("case14.m"));

        assertThat(network.buses().get(0).name()).isEqualTo("Bus 1     HV");
        assertThat(network.buses().get(13).name()).isEqualTo("Bus 14    LV");
        assertThat(network.branches().get(7).tapRatio()).isEqualTo(0.978);
        assertThat(network.branches())
                .allSatisfy(branch -> assertThat(branch.isLimited()).isFalse());
    }

    @Test
    void activsg2000ReadsWideGeneratorRows() {
        GridNetwork network = MatpowerCaseReader.read(MATPOWER.resolve("case_ACTIVSg2000.m"));

        assertThat(network.caseName()).isEqualTo("case_ACTIVSg2000");
        assertThat(network.buses()).hasSize(2000);
        assertThat(network.branches()).hasSize(3206);
        assertThat(network.generators()).hasSize(544);
        assertThat(network.generators().stream().filter(g -> !g.inService())).hasSize(112);
        assertThat(network.buses().get(0).busId()).isEqualTo(1001);
        assertThat(network.buses().get(0).name()).isEqualTo("ODESSA 2 0");
        assertThat(network.totalDemandMw()).isCloseTo(67109.21, within(1e-6));
        assertThat(network.branches().get(0).rateAMw()).isEqualTo(221.0);
        assertThat(network.generators().get(0).minOutputMw()).isEqualTo(158.25);
    }

    @Test
    void referenceCasesMatchOriginals() {
        for (String name : new String[] {"case9", "case14"}) {
            GridNetwork original = MatpowerCaseReader.read(MATPOWER.resolve(name + ".m"));
            GridNetwork saved = MatpowerCaseReader.read(
                    SampleCases.REFERENCE.resolve(name + ".m"));

            assertThat(saved.buses()).isEqualTo(original.buses());
            assertThat(saved.branches()).isEqualTo(original.branches());
            assertThat(saved.generators()).hasSameSizeAs(original.generators());
        }
    }

    @Test
    void locationReadsThroughHadoop() {
        Path file = SampleCases.REFERENCE.resolve("case9.m");

        GridNetwork network = MatpowerCaseReader.read(new Configuration(), file.toString());

        assertThat(network.caseName()).isEqualTo("case9");
        assertThat(network.buses()).isEqualTo(MatpowerCaseReader.read(file).buses());
    }

    @Test
    void missingLocationNamesUri() {
        String location = SampleCases.REFERENCE.resolve("no_such_case.m").toString();

        assertThatThrownBy(() -> MatpowerCaseReader.read(new Configuration(), location))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Cannot read MATPOWER case file:")
                .hasMessageContaining("no_such_case.m");
    }

    @Test
    void twoBusReadsShuntAndUnlimitedBranch() {
        GridNetwork network = MatpowerCaseReader.read(TWO_BUS, "two_bus.m");

        assertThat(network.caseName()).isEqualTo("two_bus");
        GridBus load = network.buses().get(1);
        assertThat(load.loadMw()).isEqualTo(50.0);
        assertThat(load.shuntConductanceMw()).isEqualTo(2.5);
        assertThat(load.dcDemandMw()).isEqualTo(52.5);
        assertThat(load.name()).isEmpty();
        assertThat(network.branches().get(0).rateAMw()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(network.generators().get(0).cost().isPolynomial()).isTrue();
    }

    @Test
    void looseLayoutReadsTheSame() {
        String loose = String.join("\n",
                "% a case typed by hand",
                "%{",
                "mpc.bus = [ this block is a comment ];",
                "%}",
                "mpc.version = '2';   % trailing comment",
                "mpc.baseMVA = 100;",
                "mpc.bus = [1, 3, 0, 0, 0, 0, 1, 1, 0, 230, 1, 1.1, 0.9",
                "  2 1 50 10 2.5 0 1 1 0 230 1 1.1 0.9  % bus 2",
                "];",
                "mpc.gen = [1 0 0 100 -100 1 100 1 80 5 ...  continued",
                "    0 0 0 0 0 0 0 0 0 0 0];",
                "mpc.branch = [1 2 0.01 0.1 0 0 0 0 0 0 1 -360 360];",
                "mpc.gencost = [2 0 0 3 1e-2 10 50];",
                "mpc.bus_name = {",
                "    'North';",
                "    'O''Brien % 2';",
                "};");

        GridNetwork network = MatpowerCaseReader.read(loose, "cases/loose.m");

        GridNetwork expected = MatpowerCaseReader.read(TWO_BUS, "two_bus.m");
        assertThat(network.caseName()).isEqualTo("loose");
        assertThat(network.buses().get(1).name()).isEqualTo("O'Brien % 2");
        assertThat(network.buses().get(1).loadMw()).isEqualTo(50.0);
        assertThat(network.branches()).isEqualTo(expected.branches());
        assertThat(network.generators().get(0).maxOutputMw()).isEqualTo(80.0);
        assertThat(network.generators().get(0).cost().polynomial())
                .containsExactly(0.01, 10.0, 50.0);
    }

    @Test
    void piecewiseCostReadsPoints() {
        String text = twoBusWith("\t2\t0\t0\t3\t0.01\t10\t50;",
                "\t1\t0\t0\t3\t0\t0\t40\t100\t80\t300;");

        GeneratorCost cost = MatpowerCaseReader.read(text, "pwl.m").generators().get(0).cost();

        assertThat(cost.isPolynomial()).isFalse();
        assertThat(cost.pointsMw()).containsExactly(0.0, 40.0, 80.0);
        assertThat(cost.pointsUsdPerHour()).containsExactly(0.0, 100.0, 300.0);
    }

    @Test
    void tapZeroAndStatusRead() {
        String text = twoBusWith("\t1\t2\t0.01\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;",
                "\t1\t2\t0.01\t0.1\t0\t120\t0\t0\t0.95\t-3\t0\t-360\t360;");

        GridBranch branch = MatpowerCaseReader.read(text, "tap.m").branches().get(0);

        assertThat(branch.tapRatio()).isEqualTo(0.95);
        assertThat(branch.phaseShiftDegrees()).isEqualTo(-3.0);
        assertThat(branch.rateAMw()).isEqualTo(120.0);
        assertThat(branch.inService()).isFalse();
    }

    @Test
    void missingBusNamesSourceAndField() {
        String text = TWO_BUS.replaceAll("(?s)mpc\\.bus = \\[.*?\\];", "");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "no_bus.m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid MATPOWER case no_bus.m: missing mpc.bus");
    }

    @Test
    void shortGenRowNamesLine() {
        String text = twoBusWith("\t1\t0\t0\t100\t-100\t1\t100\t1\t80\t5\t0\t0\t0\t0\t0\t0\t0\t0"
                + "\t0\t0\t0;", "\t1\t0\t0\t100\t-100\t1\t100\t1\t80\t5;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "short.m"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid MATPOWER case short.m, line 8: mpc.gen has 10 columns, "
                        + "expected at least 21");
    }

    @Test
    void raggedRowNamesLine() {
        String text = twoBusWith("\t2\t1\t50\t10\t2.5\t0\t1\t1\t0\t230\t1\t1.1\t0.9;",
                "\t2\t1\t50\t10\t2.5\t0\t1\t1\t0\t230\t1\t1.1;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "ragged.m"))
                .hasMessage("Invalid MATPOWER case ragged.m, line 6: mpc.bus row has 12 "
                        + "columns, but its first row has 13");
    }

    @Test
    void nonNumberNamesColumn() {
        String text = twoBusWith("\t2\t1\t50\t10", "\t2\t1\tfifty\t10");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "word.m"))
                .hasMessage("Invalid MATPOWER case word.m, line 6: PD (column 3) is not a "
                        + "number: 'fifty'");
    }

    @Test
    void javaOnlyNumberRejected() {
        String text = twoBusWith("\t2\t1\t50\t10", "\t2\t1\t50d\t10");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "suffix.m"))
                .hasMessageContaining("line 6: PD (column 3) is not a number: '50d'");
    }

    @Test
    void generatorOnUnknownBus() {
        String text = twoBusWith("\t1\t0\t0\t100\t-100", "\t7\t0\t0\t100\t-100");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "gen.m"))
                .hasMessage("Invalid MATPOWER case gen.m, line 9: GEN_BUS 7 is not in mpc.bus");
    }

    @Test
    void branchOnUnknownBus() {
        String text = twoBusWith("\t1\t2\t0.01\t0.1", "\t1\t3\t0.01\t0.1");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "branch.m"))
                .hasMessage("Invalid MATPOWER case branch.m, line 12: to bus T_BUS 3 is not in "
                        + "mpc.bus");
    }

    @Test
    void gencostRowCountMismatch() {
        String text = twoBusWith("\t2\t0\t0\t3\t0.01\t10\t50;",
                "\t2\t0\t0\t3\t0.01\t10\t50;\n\t2\t0\t0\t3\t0.01\t10\t50;\n"
                        + "\t2\t0\t0\t3\t0.01\t10\t50;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "costs.m"))
                .hasMessage("Invalid MATPOWER case costs.m, line 14: mpc.gencost has 3 rows, "
                        + "expected one per generator (1)");
    }

    @Test
    void gencostTooFewCoefficients() {
        String text = twoBusWith("\t2\t0\t0\t3\t0.01\t10\t50;", "\t2\t0\t0\t4\t0.01\t10\t50;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "ncost.m"))
                .hasMessage("Invalid MATPOWER case ncost.m, line 15: gencost row needs 4 "
                        + "coefficients after its 4 leading columns, but has 3 (NCOST 4)");
    }

    @Test
    void unknownCostModelRejected() {
        String text = twoBusWith("\t2\t0\t0\t3\t0.01\t10\t50;", "\t3\t0\t0\t3\t0.01\t10\t50;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "model.m"))
                .hasMessageContaining("line 15: unknown cost MODEL 3");
    }

    @Test
    void decreasingPointsRejected() {
        String text = twoBusWith("\t2\t0\t0\t3\t0.01\t10\t50;",
                "\t1\t0\t0\t3\t0\t0\t40\t100\t30\t300;");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "points.m"))
                .hasMessageContaining("line 15: piecewise-linear cost points must have "
                        + "increasing output, but point 3 is 30.0 MW after 40.0 MW");
    }

    @Test
    void duplicateBusRejected() {
        String text = twoBusWith("\t2\t1\t50", "\t1\t1\t50");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "dup.m"))
                .hasMessage("Invalid MATPOWER case dup.m, line 6: duplicate bus number 1");
    }

    @Test
    void zeroReactanceInServiceRejected() {
        String text = twoBusWith("\t1\t2\t0.01\t0.1", "\t1\t2\t0.01\t0");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "x.m"))
                .hasMessageContaining("line 12: branch 1-2 is in service with reactance BR_X 0");
    }

    @Test
    void unclosedMatrixNamesOpeningLine() {
        String text = TWO_BUS.substring(0, TWO_BUS.lastIndexOf("];"));

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "open.m"))
                .hasMessage("Invalid MATPOWER case open.m, line 14: missing closing bracket of "
                        + "mpc.gencost");
    }

    @Test
    void assignmentInsideMatrixRejected() {
        String text = TWO_BUS.replace("\t1\t2\t0.01\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;\n];",
                "\t1\t2\t0.01\t0.1\t0\t0\t0\t0\t0\t0\t1\t-360\t360;\n");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "open.m"))
                .hasMessage("Invalid MATPOWER case open.m, line 14: unexpected '=' in mpc.branch");
    }

    @Test
    void wrongVersionRejected() {
        String text = twoBusWith("mpc.version = '2';", "mpc.version = '1';");

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "v1.m"))
                .hasMessage("Invalid MATPOWER case v1.m, line 2: unsupported mpc.version '1', "
                        + "expected '2' (MATPOWER case format version 2)");
    }

    @Test
    void unsupportedStatementRejected() {
        String text = TWO_BUS + "mpc.gen(:, 9) = 90;\n";

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "code.m"))
                .hasMessage("Invalid MATPOWER case code.m, line 17: unsupported assignment "
                        + "target mpc.gen(:");
    }

    @Test
    void busNameCountMismatch() {
        String text = TWO_BUS + "mpc.bus_name = {\n'one';\n};\n";

        assertThatThrownBy(() -> MatpowerCaseReader.read(text, "names.m"))
                .hasMessage("Invalid MATPOWER case names.m, line 17: mpc.bus_name has 1 rows, "
                        + "expected one per bus (2)");
    }
}
