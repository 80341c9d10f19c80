package io.gridcast.grid;

import io.gridcast.io.TableCatalog;
import io.gridcast.io.Tables;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a network and its islands to the tables {@code grid_bus}, {@code grid_branch} and
 * {@code grid_generator}.
 */
public final class GridTables {

    private GridTables() {
    }

    /**
     * Replaces the case's rows in the three tables, one commit per table. Rows of other cases
     * stay, and a re-run with the same network leaves the same rows.
     */
    public static void publish(SparkSession spark, TableCatalog catalog, GridSource source,
            TopologyReport topology, String runId) {
        String caseSlice = "t.case_name = " + TableCatalog.sqlString(source.network().caseName());
        catalog.replace(Tables.GRID_BUS, spark.createDataFrame(busRows(source, topology, runId),
                Tables.GRID_BUS.schema()), caseSlice);
        catalog.replace(Tables.GRID_BRANCH, spark.createDataFrame(
                branchRows(source, topology, runId), Tables.GRID_BRANCH.schema()), caseSlice);
        catalog.replace(Tables.GRID_GENERATOR, spark.createDataFrame(
                generatorRows(source, topology, runId), Tables.GRID_GENERATOR.schema()),
                caseSlice);
    }

    /** Returns the rows of {@code grid_bus}, in its column order. */
    static List<Row> busRows(GridSource source, TopologyReport topology, String runId) {
        GridNetwork network = source.network();
        return network.buses().stream()
                .map(bus -> RowFactory.create(network.caseName(), bus.busId(), bus.name(),
                        busType(bus.type()), bus.loadMw(), bus.shuntConductanceMw(), bus.area(),
                        bus.baseKv(), topology.islandOf(bus.busId()),
                        topology.referenceBusOf(bus.busId()) == bus.busId(),
                        source.busSource(), runId))
                .toList();
    }

    /** Returns the rows of {@code grid_branch}, in its column order. */
    static List<Row> branchRows(GridSource source, TopologyReport topology, String runId) {
        GridNetwork network = source.network();
        return network.branches().stream()
                .map(branch -> {
                    int fromIsland = topology.islandOf(branch.fromBus());
                    Integer island = fromIsland == topology.islandOf(branch.toBus())
                            ? fromIsland : null;
                    return RowFactory.create(network.caseName(), branch.branchIndex(),
                            branch.fromBus(), branch.toBus(), branch.reactancePu(),
                            branch.tapRatio(), branch.phaseShiftDegrees(),
                            branch.isLimited() ? branch.rateAMw() : null, branch.inService(),
                            island, network.baseMva(), source.branchSource(), runId);
                })
                .toList();
    }

    /** Returns the rows of {@code grid_generator}, in its column order. */
    static List<Row> generatorRows(GridSource source, TopologyReport topology, String runId) {
        GridNetwork network = source.network();
        return network.generators().stream()
                .map(generator -> {
                    GeneratorCost cost = generator.cost();
                    return RowFactory.create(network.caseName(), generator.generatorIndex(),
                            generator.busId(), generator.minOutputMw(),
                            generator.maxOutputMw(), generator.inService(),
                            cost.isPolynomial() ? "polynomial" : "piecewise_linear",
                            values(cost.polynomial()), values(cost.pointsMw()),
                            values(cost.pointsUsdPerHour()), cost.startupUsd(),
                            topology.islandOf(generator.busId()), source.generatorSource(),
                            runId);
                })
                .toList();
    }

    /** Returns the name of a MATPOWER bus type, or its number when it has none. */
    static String busType(int type) {
        return switch (type) {
            case 1 -> "PQ";
            case 2 -> "PV";
            case GridBus.REFERENCE -> "REF";
            case GridBus.ISOLATED -> "ISOLATED";
            default -> String.valueOf(type);
        };
    }

    private static List<Double> values(double[] array) {
        return Arrays.stream(array).boxed().toList();
    }
}
