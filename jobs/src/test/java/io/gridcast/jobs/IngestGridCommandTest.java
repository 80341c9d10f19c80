package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.S3TestServer;
import io.gridcast.SparkTestBase;
import io.gridcast.config.Settings;
import io.gridcast.io.SparkSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** {@code gridcast ingest grid} on the bundled three-bus networks, read back with DuckDB. */
class IngestGridCommandTest {

    private static final Path GRID_SAMPLES =
            SparkTestBase.repositoryRoot().resolve("data/samples/grid");

    @Test
    void threeBusLoadsOnceOnRerun() throws Exception {
        Path warehouse = Files.createTempDirectory("grid-command");
        String[] threeBus = {"ingest", "grid", "--input",
            GRID_SAMPLES.resolve("three-bus").toString(), "--warehouse", warehouse.toString(),
            "--set", "spark.master=local[2]"};
        String[] congested = {"ingest", "grid", "--input",
            GRID_SAMPLES.resolve("three-bus-congested").toString(), "--case-name", "congested",
            "--warehouse", warehouse.toString(), "--set", "spark.master=local[2]"};

        String first = CommandRun.succeeding(threeBus);
        CommandRun.succeeding(congested);
        String second = CommandRun.succeeding(threeBus);

        assertThat(first).contains("Grid case three-bus: 3 buses, 3 branches (0 out of "
                        + "service, 0 with a flow limit), 2 generators (2 in service, 30.0 MW), "
                        + "load 10.0 MW, base 100 MVA")
                .contains("    island 1: 3 buses (1, 2, 3), load 10.0 MW, 2 in-service "
                        + "generators (30.0 MW), reference bus 1 (marked in the case)")
                .contains("  isolated buses: none")
                .contains("ingest grid finished in ")
                .contains("case three-bus, 3 buses, 3 branches, 2 generators, 1 island; tables "
                        + "gridcast.gridcast.{grid_bus,grid_branch,grid_generator} replaced "
                        + "for the case");
        assertThat(second).contains("case three-bus, 3 buses, 3 branches, 2 generators");

        String buses = dataFiles(warehouse, "grid_bus");
        String branches = dataFiles(warehouse, "grid_branch");
        String generators = dataFiles(warehouse, "grid_generator");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + buses + ")")).isEqualTo("6");
        assertThat(duckDb("SELECT count(DISTINCT (case_name, bus_id)) FROM read_parquet("
                + buses + ")")).isEqualTo("6");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + branches + ")")).isEqualTo("6");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + generators + ")"))
                .isEqualTo("4");
        assertThat(rows("SELECT concat_ws('|', bus_id, bus_name, bus_type, load_mw, shunt_mw, "
                + "area, base_kv, island_id, is_island_reference) FROM read_parquet(" + buses
                + ") WHERE case_name = 'three-bus' ORDER BY bus_id"))
                .containsExactly("1|Bus 1|REF|0.0|0.0|1|0.0|1|true",
                        "2|Bus 2|PV|0.0|0.0|1|0.0|1|false",
                        "3|Bus 3|PQ|10.0|0.0|1|0.0|1|false");
        assertThat(rows("SELECT concat_ws('|', case_name, branch_index, from_bus, to_bus, "
                + "reactance_pu, tap_ratio, phase_shift_degrees, coalesce(CAST(rate_a_mw AS "
                + "VARCHAR), 'unlimited'), in_service, island_id, base_mva) FROM read_parquet("
                + branches + ") ORDER BY case_name, branch_index"))
                .containsExactly("congested|1|1|2|0.1|1.0|0.0|unlimited|true|1|100.0",
                        "congested|2|1|3|0.1|1.0|0.0|unlimited|true|1|100.0",
                        "congested|3|2|3|0.1|1.0|0.0|4.666666666666667|true|1|100.0",
                        "three-bus|1|1|2|0.1|1.0|0.0|unlimited|true|1|100.0",
                        "three-bus|2|1|3|0.1|1.0|0.0|unlimited|true|1|100.0",
                        "three-bus|3|2|3|0.1|1.0|0.0|unlimited|true|1|100.0");
        assertThat(rows("SELECT concat_ws('|', generator_index, bus_id, min_mw, max_mw, "
                + "in_service, cost_model, CAST(cost_coefficients AS VARCHAR), "
                + "len(cost_points_mw), startup_cost_usd, island_id) FROM read_parquet("
                + generators + ") WHERE case_name = 'three-bus' ORDER BY generator_index"))
                .containsExactly("1|1|0.0|10.0|true|polynomial|[4.0, 0.0]|0|0.0|1",
                        "2|2|0.0|20.0|true|polynomial|[2.0, 0.0]|0|0.0|1");
        assertThat(duckDb("SELECT count(DISTINCT run_id) FROM read_parquet(" + buses
                + ") WHERE case_name = 'three-bus'")).isEqualTo("1");
        assertThat(duckDb("SELECT min(source_file) FROM read_parquet(" + branches
                + ") WHERE case_name = 'congested'"))
                .startsWith("file:").endsWith("three-bus-congested/branches.csv");
    }

    @Test
    void threeBusReadsFromS3a() throws Exception {
        Path warehouse = Files.createTempDirectory("grid-s3");
        try (S3TestServer s3 = S3TestServer.start()) {
            s3.createBucket("networks");
            try (var files = Files.list(GRID_SAMPLES.resolve("three-bus-congested"))) {
                s3.upload(files.toList(), "networks", "grid/three-bus-congested");
            }
            List<String> args = new ArrayList<>(List.of("ingest", "grid", "--input",
                    "s3a://networks/grid/three-bus-congested", "--warehouse",
                    warehouse.toString(), "--set", "spark.master=local[2]"));
            args.addAll(S3TestServer.setOptions(s3.sparkSettings()));

            String output = CommandRun.succeeding(args.toArray(String[]::new));

            assertThat(output).contains("case three-bus-congested, 3 buses, 3 branches, "
                    + "2 generators, 1 island").doesNotContain(S3TestServer.SECRET_KEY);
        }
        assertThat(duckDb("SELECT concat_ws('|', source_file, rate_a_mw) FROM read_parquet("
                + dataFiles(warehouse, "grid_branch") + ") WHERE branch_index = 3"))
                .isEqualTo("s3a://networks/grid/three-bus-congested/branches.csv"
                        + "|4.666666666666667");
    }

    @Test
    void badNetworkFailsNamingLine() throws Exception {
        Path folder = Files.createTempDirectory("grid-bad").resolve("bad-case");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("buses.csv"), "bus_id,load_mw\n1,0\n2,5 MW\n");
        Files.writeString(folder.resolve("branches.csv"),
                "from_bus,to_bus,reactance_pu\n1,2,0.1\n");
        Files.writeString(folder.resolve("generators.csv"),
                "bus_id,max_mw,offer_usd_per_mwh\n1,10,4\n");
        Path warehouse = Files.createTempDirectory("grid-bad-warehouse");

        CommandRun failed = CommandRun.errors("ingest", "grid", "--input", folder.toString(),
                "--warehouse", warehouse.toString(), "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("ingest grid failed: Invalid grid network "
                + "bad-case: 1 problem (fix the files and re-run)")
                .contains(folder.resolve("buses.csv") + " line 3, column load_mw: invalid "
                        + "number '5 MW'");
        assertThat(warehouse.resolve("gridcast/grid_bus")).doesNotExist();
    }

    /** Data files of {@code table}'s current snapshot as a DuckDB list. */
    private static String dataFiles(Path warehouse, String table) {
        Settings settings = SparkTestBase.testSettings(warehouse);
        try (SparkSession spark = SparkSessions.create(settings)) {
            return SparkTestBase.duckDbDataFiles(spark, settings, table);
        }
    }

    /** Runs {@code query} in DuckDB and returns the first column of its first row, as text. */
    private static String duckDb(String query) throws Exception {
        List<String> rows = rows(query);
        assertThat(rows).as(query).isNotEmpty();
        return rows.get(0);
    }

    /** Runs {@code query} in DuckDB and returns the first column of every row, as text. */
    private static List<String> rows(String query) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duck.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(result.getString(1));
            }
            return rows;
        }
    }
}
