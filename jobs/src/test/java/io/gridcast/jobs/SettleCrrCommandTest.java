package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code gridcast settle crr} on ERCOT's day-ahead hub prices of the bundled DST-day sample,
 * ERCOT style (total settlement point prices). The expected payoffs are summed here from the
 * source CSV, and the published tables are read back with DuckDB.
 */
class SettleCrrCommandTest {

    private static final Path DAM_SAMPLE = SparkTestBase.repositoryRoot()
            .resolve("data/samples/ercot_dam_spp/DAMLZHBSPP_2024_dst_days.csv");

    @Test
    void hubRightsSettleOnDayAheadPrices() throws Exception {
        Path warehouse = Files.createTempDirectory("settle-crr");
        Path holdings = Files.createTempFile("crr", ".csv");
        // Operating day 2024-03-10 in Central time: 06:00 UTC to 05:00 UTC next day, 23 hours.
        Files.write(holdings, List.of("holding_id,source,sink,mw,type,start_utc,end_utc",
                "HN-OBL,HB_HOUSTON,HB_NORTH,10,obligation,2024-03-10T06:00Z,2024-03-11T05:00Z",
                "NH-OPT,HB_NORTH,HB_HOUSTON,25,option,2024-03-10T06:00Z,2024-03-11T05:00Z",
                "BAD,HB_NORTH,HB_NORTH,5,option,2024-03-10,2024-03-11"));
        String[] settle = {"settle", "crr", "--holdings", holdings.toString(), "--iso", "ERCOT",
            "--warehouse", warehouse.toString(), "--set", "spark.master=local[2]"};
        CommandRun.succeeding("ingest", "ercot", "--report", "dam-spp", "--input",
                DAM_SAMPLE.toString(), "--warehouse", warehouse.toString(),
                "--set", "spark.master=local[2]");

        String first = CommandRun.succeeding(settle);
        String second = CommandRun.succeeding(settle);

        double[] expected = expectedPayoffs();
        assertThat(first).contains("ERCOT on lmp prices, holdings read 3, accepted 2, "
                + "rejected 1; 46 hourly rows").contains("unpriced holding hours 0");
        assertThat(second).contains("46 hourly rows");
        String hourly = dataFiles(warehouse, "crr_settlement");
        String totals = dataFiles(warehouse, "crr_settlement_totals");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + hourly + ")")).isEqualTo("46");
        assertThat(Double.parseDouble(duckDb("SELECT payoff_usd FROM read_parquet(" + totals
                + ") WHERE holding_id = 'HN-OBL'"))).isCloseTo(expected[0], within(1e-6));
        assertThat(Double.parseDouble(duckDb("SELECT payoff_usd FROM read_parquet(" + totals
                + ") WHERE holding_id = 'NH-OPT'"))).isCloseTo(expected[1], within(1e-6));
        assertThat(duckDb("SELECT reason FROM read_parquet(" + dataFiles(warehouse, "rejects")
                + ") WHERE job = 'settle-crr'")).isEqualTo("source and sink are the same node "
                + "HB_NORTH");
        checkRejectedHoldingLosesEarlierRows(warehouse, holdings, settle);
    }

    /** A re-run whose file now rejects NH-OPT leaves no payoff of NH-OPT from the first run. */
    private static void checkRejectedHoldingLosesEarlierRows(Path warehouse, Path holdings,
            String[] settle) throws Exception {
        Files.write(holdings, List.of("holding_id,source,sink,mw,type,start_utc,end_utc",
                "HN-OBL,HB_HOUSTON,HB_NORTH,10,obligation,2024-03-10T06:00Z,2024-03-11T05:00Z",
                "NH-OPT,HB_NORTH,HB_HOUSTON,-25,option,2024-03-10T06:00Z,2024-03-11T05:00Z"));

        CommandRun.succeeding(settle);

        assertThat(duckDb("SELECT count(*) FROM read_parquet("
                + dataFiles(warehouse, "crr_settlement") + ")")).isEqualTo("23");
        assertThat(duckDb("SELECT string_agg(holding_id, ',') FROM read_parquet("
                + dataFiles(warehouse, "crr_settlement_totals") + ")")).isEqualTo("HN-OBL");
    }

    @Test
    void congestionBasisNeedsComponents() throws Exception {
        Path holdings = Files.createTempFile("crr", ".csv");
        Files.write(holdings, List.of("holding_id,source,sink,mw,type,start_utc,end_utc",
                "A,HB_HOUSTON,HB_NORTH,10,obligation,2024-03-10,2024-03-11"));

        CommandRun failed = CommandRun.errors("settle", "crr", "--holdings",
                holdings.toString(), "--iso", "ERCOT", "--price-basis", "congestion",
                "--warehouse", Files.createTempDirectory("settle-crr").toString(),
                "--set", "spark.master=local[1]");

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output()).contains("without a congestion component");
    }

    /**
     * Sums the two holdings' payoffs over 2024-03-10 from the source file: 10 MW times
     * (North minus Houston) for the obligation, and 25 MW times (Houston minus North), when
     * positive, for the option.
     */
    private static double[] expectedPayoffs() throws Exception {
        Map<String, Double> houston = new HashMap<>();
        Map<String, Double> north = new HashMap<>();
        for (String line : Files.readAllLines(DAM_SAMPLE)) {
            String[] cells = line.split(",");
            if (!cells[0].equals("03/10/2024")) {
                continue;
            }
            String hour = cells[1] + cells[2];
            if (cells[3].equals("HB_HOUSTON")) {
                houston.put(hour, Double.parseDouble(cells[4]));
            } else if (cells[3].equals("HB_NORTH")) {
                north.put(hour, Double.parseDouble(cells[4]));
            }
        }
        assertThat(houston).hasSize(23);
        double obligation = 0;
        double option = 0;
        for (String hour : houston.keySet()) {
            obligation += 10 * (north.get(hour) - houston.get(hour));
            option += Math.max(0, 25 * (houston.get(hour) - north.get(hour)));
        }
        return new double[] {obligation, option};
    }

    private static String dataFiles(Path warehouse, String table) {
        return DuckDbReads.dataFiles(warehouse, table);
    }

    private static String duckDb(String query) throws Exception {
        return DuckDbReads.duckDb(query);
    }
}
