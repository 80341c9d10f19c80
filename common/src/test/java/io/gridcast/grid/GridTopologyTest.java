package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import io.gridcast.grid.TopologyReport.Island;
import io.gridcast.grid.TopologyReport.ParallelBranches;
import io.gridcast.grid.TopologyReport.ReferenceSource;
import io.gridcast.ingest.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class GridTopologyTest extends SparkTestBase {

    private static GridBus bus(int id, int type, double loadMw) {
        return new GridBus(id, "", type, loadMw, 0.0, 1, 0.0);
    }

    private static GridBranch line(int index, int from, int to, boolean inService) {
        return new GridBranch(index, from, to, 0.1, 1.0, 0.0, Double.POSITIVE_INFINITY,
                inService);
    }

    private static GridGenerator generator(int index, int busId, double maxMw) {
        return new GridGenerator(index, busId, 0.0, maxMw, true, GeneratorCost.offerPrice(10));
    }

    /** Three buses in a triangle: generators at 1 and 2, 10 MW load at 3, bus 1 reference. */
    private static GridNetwork threeBus() {
        return new GridNetwork("three-bus", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 2, 0), bus(3, 1, 10)),
                List.of(line(1, 1, 2, true), line(2, 1, 3, true), line(3, 2, 3, true)),
                List.of(generator(1, 1, 10), generator(2, 2, 20)));
    }

    /**
     * Two islands: buses 1-2-3 with load, a generator and the reference bus, and buses 4-5
     * with two generators, no load and no marked reference.
     */
    private static GridNetwork twoIslands() {
        return new GridNetwork("two-islands", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 1, 30), bus(3, 1, 20),
                        bus(4, 2, 0), bus(5, 2, 0)),
                List.of(line(1, 1, 2, true), line(2, 2, 3, true), line(3, 4, 5, true)),
                List.of(generator(1, 1, 100), generator(2, 4, 40), generator(3, 5, 60)));
    }

    @Test
    void threeBusIsOneIsland() {
        TopologyReport report = GridTopology.analyze(spark, threeBus());

        assertThat(report.islands()).hasSize(1);
        Island island = report.islands().get(0);
        assertThat(island.islandId()).isEqualTo(1);
        assertThat(island.busIds()).containsExactly(1, 2, 3);
        assertThat(island.loadMw()).isEqualTo(10.0);
        assertThat(island.generatorIndexes()).containsExactly(1, 2);
        assertThat(island.capacityMw()).isEqualTo(30.0);
        assertThat(island.referenceBus()).isEqualTo(1);
        assertThat(island.referenceSource()).isEqualTo(ReferenceSource.CASE);
        assertThat(report.outOfServiceBranches()).isEmpty();
        assertThat(report.isolatedBuses()).isEmpty();
        assertThat(report.parallelBranches()).isEmpty();
        assertThat(report.islandsWithoutLoad()).isEmpty();
        assertThat(report.islandsWithoutGenerator()).isEmpty();
        assertThat(report.islandsWithoutReference()).isEmpty();
        assertThat(report.describe()).contains("1 island", "out-of-service branches: none",
                "parallel branches: none");
    }

    @Test
    void islandWithoutLoadReported() {
        TopologyReport report = GridTopology.analyze(spark, twoIslands());

        assertThat(report.islands()).extracting(Island::islandId).containsExactly(1, 4);
        assertThat(report.islandByBus()).containsExactly(entry(1, 1), entry(2, 1), entry(3, 1),
                entry(4, 4), entry(5, 4));
        assertThat(report.islandsWithoutLoad()).extracting(Island::islandId).containsExactly(4);
        assertThat(report.generatorsInIslandsWithoutLoad()).containsExactly(2, 3);
        assertThat(report.islandsWithoutReference()).extracting(Island::islandId)
                .containsExactly(4);
        Island unloaded = report.island(4);
        assertThat(unloaded.referenceBus()).as("bus of the 60 MW generator").isEqualTo(5);
        assertThat(unloaded.referenceSource()).isEqualTo(ReferenceSource.LARGEST_GENERATOR);
        assertThat(report.referenceBusOf(4)).isEqualTo(5);
        assertThat(report.referenceBusOf(3)).isEqualTo(1);
        assertThat(report.describe()).contains("islands without load: 4",
                "in-service generators in islands without load: 2, 3",
                "islands without a reference bus in the case: 4");
    }

    @Test
    void outOfServiceBranchSplitsIsland() {
        GridNetwork chain = new GridNetwork("chain", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 1, 5), bus(3, 1, 5), bus(4, 1, 5)),
                List.of(line(1, 1, 2, true), line(2, 2, 3, false), line(3, 3, 4, true)),
                List.of(generator(1, 1, 50)));

        TopologyReport report = GridTopology.analyze(spark, chain);

        assertThat(report.outOfServiceBranches()).containsExactly(2);
        assertThat(report.islands()).extracting(Island::busIds)
                .containsExactly(List.of(1, 2), List.of(3, 4));
        assertThat(report.islandsWithoutGenerator()).extracting(Island::islandId)
                .containsExactly(3);
        Island unsupplied = report.island(3);
        assertThat(unsupplied.referenceBus()).isEqualTo(3);
        assertThat(unsupplied.referenceSource()).isEqualTo(ReferenceSource.LOWEST_BUS);
        List<Row> branchRows = GridTables.branchRows(
                new GridSource(chain, "b", "br", "g"), report, "run");
        assertThat(branchRows.get(0).<Integer>getAs(9)).isEqualTo(1);
        assertThat(branchRows.get(1).isNullAt(9)).as("island of a branch between islands")
                .isTrue();
        assertThat(branchRows.get(2).<Integer>getAs(9)).isEqualTo(3);
    }

    @Test
    void isolatedBusIsOwnIsland() {
        GridNetwork withIsolated = new GridNetwork("isolated", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 1, 10), bus(9, 1, 3)),
                List.of(line(1, 1, 2, true), line(2, 2, 9, false)),
                List.of(generator(1, 1, 50)));

        TopologyReport report = GridTopology.analyze(spark, withIsolated);

        assertThat(report.isolatedBuses()).containsExactly(9);
        assertThat(report.islandOf(9)).isEqualTo(9);
        assertThat(report.islandsWithoutGenerator()).extracting(Island::islandId)
                .containsExactly(9);
        assertThat(report.describe()).contains("isolated buses: 9");
    }

    @Test
    void parallelLinesGrouped() {
        GridNetwork parallel = new GridNetwork("parallel", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 1, 10), bus(3, 1, 0)),
                List.of(line(1, 1, 2, true), line(2, 2, 1, true), line(3, 2, 3, true),
                        line(4, 2, 3, false)),
                List.of(generator(1, 1, 50)));

        TopologyReport report = GridTopology.analyze(spark, parallel);

        assertThat(report.islands()).hasSize(1);
        assertThat(report.parallelBranches()).as("in-service branches only")
                .containsExactly(new ParallelBranches(1, 2, List.of(1, 2)));
        assertThat(report.describe()).contains("parallel branches: buses 1-2 (branches 1, 2)");
    }

    @Test
    void referenceTieGoesToFirstGenerator() {
        GridNetwork unmarked = new GridNetwork("unmarked", 100.0,
                List.of(bus(1, 1, 0), bus(2, 2, 10), bus(3, 2, 0)),
                List.of(line(1, 1, 2, true), line(2, 2, 3, true)),
                List.of(generator(1, 1, 20), generator(2, 3, 80), generator(3, 2, 80)));

        TopologyReport report = GridTopology.analyze(spark, unmarked);

        assertThat(report.island(1).referenceBus()).isEqualTo(3);
        assertThat(report.island(1).referenceSource())
                .isEqualTo(ReferenceSource.LARGEST_GENERATOR);
    }

    @Test
    void severalReferencesReported() {
        GridNetwork twoMarked = new GridNetwork("two-marked", 100.0,
                List.of(bus(5, GridBus.REFERENCE, 0), bus(2, GridBus.REFERENCE, 10)),
                List.of(line(1, 5, 2, true)), List.of(generator(1, 5, 20)));

        TopologyReport report = GridTopology.analyze(spark, twoMarked);

        assertThat(report.islandsWithSeveralReferences()).extracting(Island::islandId)
                .containsExactly(2);
        assertThat(report.island(2).markedReferenceBuses()).containsExactly(2, 5);
        assertThat(report.island(2).referenceBus()).isEqualTo(2);
        assertThat(report.island(2).busIds()).as("case order").containsExactly(5, 2);
    }

    @Test
    void offLineGeneratorsGiveNoSupply() {
        GridNetwork offLine = new GridNetwork("off-line", 100.0,
                List.of(bus(1, 1, 10), bus(2, 2, 0)), List.of(line(1, 1, 2, true)),
                List.of(new GridGenerator(1, 2, 0, 50, false, GeneratorCost.offerPrice(5))));

        TopologyReport report = GridTopology.analyze(spark, offLine);

        assertThat(report.islandsWithoutGenerator()).extracting(Island::islandId)
                .containsExactly(1);
        assertThat(report.island(1).referenceSource()).isEqualTo(ReferenceSource.LOWEST_BUS);
    }

    @Test
    void manyIslandsStayConsistent() {
        List<GridBus> buses = new ArrayList<>();
        List<GridBranch> branches = new ArrayList<>();
        // Ten chains of 30 buses each, ids 100 apart, numbered from the far end.
        for (int chain = 0; chain < 10; chain++) {
            for (int position = 30; position >= 1; position--) {
                int busId = 1000 + chain * 100 + position;
                buses.add(bus(busId, 1, 1));
                if (position > 1) {
                    branches.add(line(branches.size() + 1, busId, busId - 1, true));
                }
            }
        }

        TopologyReport report = GridTopology.analyze(spark,
                new GridNetwork("chains", 100.0, buses, branches, List.of()));

        assertThat(report.islands()).hasSize(10);
        assertThat(report.islands()).extracting(Island::islandId)
                .containsExactly(1001, 1101, 1201, 1301, 1401, 1501, 1601, 1701, 1801, 1901);
        assertThat(report.islands()).allMatch(island -> island.busIds().size() == 30);
        assertThat(report.islandOf(1930)).isEqualTo(1901);
        assertThat(report.describe().get(0)).isEqualTo("10 islands");
    }

    @Test
    void unknownBusRejected() {
        GridNetwork broken = new GridNetwork("broken", 100.0,
                List.of(bus(1, GridBus.REFERENCE, 0), bus(2, 1, 10)),
                List.of(line(1, 1, 2, true), line(2, 2, 7, true)), List.of());

        assertThatThrownBy(() -> GridTopology.analyze(spark, broken))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid network broken: branch 2 connects bus 7, which the case "
                        + "does not have");
    }

    @Test
    void reportSurvivesSerialization() throws Exception {
        TopologyReport report = GridTopology.analyze(spark, twoIslands());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            TopologyReport copy = (TopologyReport) in.readObject();
            assertThat(copy).isEqualTo(report);
            assertThat(copy.referenceBusOf(5)).isEqualTo(5);
        }
    }

    private static java.util.Map.Entry<Integer, Integer> entry(int key, int value) {
        return java.util.Map.entry(key, value);
    }
}
