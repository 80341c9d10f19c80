package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.ingest.InvalidInputException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class GridCsvReaderTest {

    private static final Path SAMPLES = SparkTestBase.repositoryRoot().resolve("data/samples/grid");

    private static final String BUSES = "bus_id,type,load_mw\n1,REF,0\n2,,0\n3,,10\n";
    private static final String BRANCHES =
            "from_bus,to_bus,reactance_pu\n1,2,0.1\n1,3,0.1\n2,3,0.1\n";
    private static final String GENERATORS =
            "bus_id,max_mw,offer_usd_per_mwh\n1,10,4\n2,20,2\n";

    private static GridNetwork read(String buses, String branches, String generators) {
        return GridCsvReader.read("test", csv("buses.csv", buses), csv("branches.csv", branches),
                csv("generators.csv", generators), null);
    }

    private static GridCsvReader.CsvText csv(String name, String text) {
        return new GridCsvReader.CsvText("mem:/net/" + name, text);
    }

    @Test
    void threeBusSampleReads() {
        GridSource source = GridSource.read(new Configuration(),
                SAMPLES.resolve("three-bus").toString(), null);
        GridNetwork network = source.network();

        assertThat(network.caseName()).isEqualTo("three-bus");
        assertThat(network.baseMva()).isEqualTo(100.0);
        assertThat(network.buses()).extracting(GridBus::busId).containsExactly(1, 2, 3);
        assertThat(network.buses()).extracting(GridBus::type).containsExactly(3, 2, 1);
        assertThat(network.buses()).extracting(GridBus::loadMw).containsExactly(0.0, 0.0, 10.0);
        assertThat(network.branches()).extracting(GridBranch::fromBus).containsExactly(1, 1, 2);
        assertThat(network.branches()).extracting(GridBranch::toBus).containsExactly(2, 3, 3);
        assertThat(network.branches()).extracting(GridBranch::reactancePu)
                .containsOnly(0.1);
        assertThat(network.branches()).noneMatch(GridBranch::isLimited);
        assertThat(network.branches()).allMatch(GridBranch::inService);
        assertThat(network.generators()).extracting(GridGenerator::busId).containsExactly(1, 2);
        assertThat(network.generators()).extracting(GridGenerator::maxOutputMw)
                .containsExactly(10.0, 20.0);
        assertThat(network.generators().get(0).cost().costUsdPerHour(10.0)).isEqualTo(40.0);
        assertThat(network.generators().get(1).cost().costUsdPerHour(10.0)).isEqualTo(20.0);
        assertThat(source.busSource()).startsWith("file:").endsWith("three-bus/buses.csv");
        assertThat(source.branchSource()).endsWith("three-bus/branches.csv");
        assertThat(source.generatorSource()).endsWith("three-bus/generators.csv");
    }

    @Test
    void congestedSampleLimitsLineTwoThree() {
        GridNetwork network = GridSource.read(new Configuration(),
                SAMPLES.resolve("three-bus-congested").toString(), "congested").network();

        assertThat(network.caseName()).isEqualTo("congested");
        GridBranch lineTwoThree = network.branches().get(2);
        assertThat(lineTwoThree.fromBus()).isEqualTo(2);
        assertThat(lineTwoThree.toBus()).isEqualTo(3);
        assertThat(lineTwoThree.rateAMw()).isCloseTo(14.0 / 3.0, within(1e-12));
        assertThat(network.branches().get(0).isLimited()).isFalse();
        assertThat(network.branches().get(1).isLimited()).isFalse();
    }

    @Test
    void optionalColumnsTakeDefaults() {
        GridNetwork network = read(BUSES, BRANCHES, GENERATORS);

        GridBus bus2 = network.buses().get(1);
        assertThat(bus2.type()).as("bus with a generator").isEqualTo(2);
        assertThat(network.buses().get(2).type()).as("bus without a generator").isEqualTo(1);
        assertThat(bus2.name()).isEmpty();
        assertThat(bus2.area()).isEqualTo(1);
        assertThat(bus2.baseKv()).isZero();
        assertThat(bus2.shuntConductanceMw()).isZero();
        GridBranch branch = network.branches().get(0);
        assertThat(branch.branchIndex()).isEqualTo(1);
        assertThat(branch.tapRatio()).isEqualTo(1.0);
        assertThat(branch.phaseShiftDegrees()).isZero();
        assertThat(branch.rateAMw()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(branch.inService()).isTrue();
        GridGenerator generator = network.generators().get(1);
        assertThat(generator.generatorIndex()).isEqualTo(2);
        assertThat(generator.minOutputMw()).isZero();
        assertThat(generator.inService()).isTrue();
        assertThat(generator.cost().polynomial()).containsExactly(2.0, 0.0);
    }

    @Test
    void everyColumnIsRead() {
        GridNetwork network = GridCsvReader.read("full",
                csv("buses.csv", "bus_id,name,type,load_mw,shunt_mw,area,base_kv\n"
                        + "7,\"North, 345\",ref,5.5,0.5,2,345\n8,South,isolated,0,0,2,138\n"),
                csv("branches.csv", "from_bus,to_bus,reactance_pu,rate_a_mw,tap_ratio,"
                        + "phase_shift_degrees,in_service\n7,8,-0.02,250,0.98,-3,no\n"),
                csv("generators.csv", "bus_id,min_mw,max_mw,c2_usd_per_mw2h,c1_usd_per_mwh,"
                        + "c0_usd_per_h,in_service\n7,-5,90,0.01,20,100,FALSE\n"),
                csv("case.csv", "base_mva\n250\n"));

        assertThat(network.baseMva()).isEqualTo(250.0);
        assertThat(network.buses().get(0)).isEqualTo(
                new GridBus(7, "North, 345", 3, 5.5, 0.5, 2, 345.0));
        assertThat(network.buses().get(1).type()).isEqualTo(GridBus.ISOLATED);
        assertThat(network.branches().get(0)).isEqualTo(
                new GridBranch(1, 7, 8, -0.02, 0.98, -3.0, 250.0, false));
        GridGenerator generator = network.generators().get(0);
        assertThat(generator.minOutputMw()).isEqualTo(-5.0);
        assertThat(generator.inService()).isFalse();
        assertThat(generator.cost().polynomial()).containsExactly(0.01, 20.0, 100.0);
        assertThat(generator.cost().costUsdPerHour(10.0)).isCloseTo(301.0, within(1e-9));
    }

    @Test
    void commentsAndBlankLinesSkipped() {
        GridNetwork network = read("# buses of the test case\n\n" + BUSES + "\n# end\n",
                BRANCHES + "\n\n", GENERATORS);

        assertThat(network.buses()).hasSize(3);
        assertThat(network.branches()).hasSize(3);
    }

    @Test
    void badNumberNamesFileLineColumn() {
        assertThatThrownBy(() -> read("bus_id,load_mw\n1,0\n2,ten\n3,1\n", BRANCHES, GENERATORS))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid grid network test: 1 problem")
                .hasMessageContaining(
                        "mem:/net/buses.csv line 3, column load_mw: invalid number 'ten'");
    }

    @Test
    void everyProblemIsListed() {
        assertThatThrownBy(() -> read("bus_id,load_mw\n1,0\n2,NaN\n2,0\n3,0\n",
                "from_bus,to_bus,reactance_pu\n1,2,0\n1,9,0.1\n3,3,0.1\n",
                "bus_id,max_mw,offer_usd_per_mwh\n1,abc,4\n"))
                .hasMessageStartingWith("Invalid grid network test: 6 problems")
                .hasMessageContaining("buses.csv line 3, column load_mw: invalid number 'NaN'")
                .hasMessageContaining("buses.csv line 4, column bus_id: bus 2 is already on "
                        + "line 3")
                .hasMessageContaining("branches.csv line 2, column reactance_pu: zero reactance")
                .hasMessageContaining("branches.csv line 3, column to_bus: bus 9 is not in "
                        + "buses.csv")
                .hasMessageContaining("branches.csv line 4, column to_bus: branch from bus 3 "
                        + "to itself")
                .hasMessageContaining("generators.csv line 2, column max_mw: invalid number "
                        + "'abc'");
    }

    @Test
    void unknownColumnRejected() {
        assertThatThrownBy(() -> read(BUSES, "from_bus,to_bus,reactance_pu,rate_mw\n1,2,0.1,5\n",
                GENERATORS))
                .hasMessageContaining("mem:/net/branches.csv line 1: unknown column 'rate_mw'")
                .hasMessageContaining("optional rate_a_mw");
    }

    @Test
    void missingColumnRejected() {
        assertThatThrownBy(() -> read(BUSES, "from_bus,to_bus\n1,2\n", GENERATORS))
                .hasMessageContaining("mem:/net/branches.csv line 1: missing column "
                        + "reactance_pu");
    }

    @Test
    void wrongCellCountRejected() {
        assertThatThrownBy(() -> read(BUSES, BRANCHES + "2,3\n", GENERATORS))
                .hasMessageContaining("mem:/net/branches.csv line 5: expected 3 cells, found 2");
    }

    @Test
    void costNeedsExactlyOneForm() {
        assertThatThrownBy(() -> read(BUSES, BRANCHES, "bus_id,max_mw,offer_usd_per_mwh,"
                + "c1_usd_per_mwh\n1,10,4,4\n2,20,,\n"))
                .hasMessageContaining("generators.csv line 2, column offer_usd_per_mwh: both "
                        + "an offer price and cost coefficients given")
                .hasMessageContaining("generators.csv line 3, column offer_usd_per_mwh: "
                        + "missing cost");
    }

    @Test
    void invalidLimitsRejected() {
        assertThatThrownBy(() -> read(BUSES,
                "from_bus,to_bus,reactance_pu,rate_a_mw,tap_ratio,in_service\n"
                        + "1,2,0.1,0,1,yes\n1,3,0.1,,-1,yes\n2,3,0.1,,,maybe\n",
                "bus_id,min_mw,max_mw,offer_usd_per_mwh\n1,10,5,4\n"))
                .hasMessageContaining("branches.csv line 2, column rate_a_mw: limit 0.0 MW is "
                        + "not positive")
                .hasMessageContaining("branches.csv line 3, column tap_ratio: tap ratio -1.0 is "
                        + "not positive")
                .hasMessageContaining("branches.csv line 4, column in_service: invalid flag "
                        + "'maybe'")
                .hasMessageContaining("generators.csv line 2, column max_mw: max_mw 5.0 is "
                        + "below min_mw 10.0");
    }

    @Test
    void invalidBusTypeRejected() {
        assertThatThrownBy(() -> read("bus_id,type,load_mw\n1,SLACKER,0\n2,,0\n3,,0\n",
                BRANCHES, GENERATORS))
                .hasMessageContaining("buses.csv line 2, column type: invalid bus type "
                        + "'SLACKER'");
    }

    @Test
    void caseFileNeedsOnePositiveBase() {
        assertThatThrownBy(() -> GridCsvReader.read("test", csv("buses.csv", BUSES),
                csv("branches.csv", BRANCHES), csv("generators.csv", GENERATORS),
                csv("case.csv", "base_mva\n-100\n")))
                .hasMessageContaining("case.csv line 2, column base_mva: base -100.0 MVA is not "
                        + "positive");
        assertThatThrownBy(() -> GridCsvReader.read("test", csv("buses.csv", BUSES),
                csv("branches.csv", BRANCHES), csv("generators.csv", GENERATORS),
                csv("case.csv", "base_mva\n100\n200\n")))
                .hasMessageContaining("case.csv: expected one data row, found 2");
    }

    @Test
    void emptyFileRejected() {
        assertThatThrownBy(() -> read("", BRANCHES, GENERATORS))
                .hasMessageContaining("mem:/net/buses.csv: no header");
    }

    @Test
    void listedProblemsAreCapped() {
        StringBuilder buses = new StringBuilder("bus_id,load_mw\n");
        for (int i = 1; i <= 30; i++) {
            buses.append(i).append(",x\n");
        }

        assertThatThrownBy(() -> read(buses.toString(), "from_bus,to_bus,reactance_pu\n",
                "bus_id,max_mw,offer_usd_per_mwh\n"))
                .hasMessageStartingWith("Invalid grid network test: 30 problems")
                .hasMessageContaining("buses.csv line 21, column load_mw")
                .hasMessageNotContaining("buses.csv line 22,")
                .hasMessageEndingWith("... and 10 more");
    }

    @Test
    void folderNeedsAllThreeFiles() {
        assertThatThrownBy(() -> GridSource.read(new Configuration(),
                SAMPLES.toString(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Missing buses.csv in grid network folder");
    }

    @Test
    void csvFileInputRejected() {
        assertThatThrownBy(() -> GridSource.read(new Configuration(),
                SAMPLES.resolve("three-bus/buses.csv").toString(), null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("expected a MATPOWER case file (.m) or a folder with "
                        + "buses.csv");
    }

    @Test
    void invalidCaseNameRejected() {
        assertThatThrownBy(() -> GridSource.read(new Configuration(),
                SAMPLES.resolve("three-bus").toString(), "two words"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid case name: 'two words'");
    }
}
