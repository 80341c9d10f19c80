package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.report.ReportCharts;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code pipeline grid}, {@code compute lmp} and {@code settle crr} on the two-line three-bus
 * case, whose line from generator 2 (2 $/MWh) carries at most 4 MW to the load at bus 3, and
 * generator 1 (4 $/MWh) covers the rest. The load curve is 47 hours of ERCOT-format native
 * load over the 2024 spring-forward weekend. An hour whose load 10 MW × factor exceeds 4 MW
 * is congested: LMPs 4, 2, 4 $/MWh and a rent of 4 MW × 2 $/MWh = 8 $. Other hours price
 * every bus at 2 $/MWh. Results are read back with DuckDB.
 */
class PipelineGridTest {

    private static final Path GRID = SparkTestBase.repositoryRoot().resolve("data/samples/grid");
    private static Path warehouse;
    private static Path loadCurve;
    private static double[] factors;

    @BeforeAll
    static void loadCurve() throws Exception {
        warehouse = Files.createTempDirectory("pipeline-grid");
        List<String> lines = new ArrayList<>(List.of("Hour Ending,ERCOT"));
        List<Double> loads = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2024, 3, 9); day.isBefore(LocalDate.of(2024, 3, 11));
                day = day.plusDays(1)) {
            for (int hourEnding = 1; hourEnding <= 24; hourEnding++) {
                if (day.getDayOfMonth() == 10 && hourEnding == 3) {
                    continue;
                }
                double loadMw = 30 + 70 * (hourEnding - 1) / 23.0;
                loads.add(loadMw);
                lines.add(String.format("%02d/%02d/%d %02d:00,%.6f", day.getMonthValue(),
                        day.getDayOfMonth(), day.getYear(), hourEnding, loadMw));
            }
        }
        loadCurve = Files.createTempFile("native-load", ".csv");
        Files.write(loadCurve, lines);
        double peakMw = loads.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        factors = loads.stream().mapToDouble(load -> load / peakMw).toArray();
    }

    @Test
    void radialCaseSettlesOnItsRent() throws Exception {
        Path holdings = Files.createTempFile("crr", ".csv");
        Files.write(holdings, List.of("holding_id,source,sink,mw,type,start_utc,end_utc",
                "G2-LOAD,2,3,4,obligation,2024-03-09T06:00Z,2024-03-11T05:00Z",
                "LOAD-G2-OPT,3,2,4,option,2024-03-09T06:00Z,2024-03-11T05:00Z",
                "JULY,2,3,4,obligation,2024-07-01,2024-08-01",
                "NO-BUS,2,999,4,obligation,2024-03-09T06:00Z,2024-03-11T05:00Z"));
        String[] pipeline = {"pipeline", "grid", "--case",
            GRID.resolve("three-bus-radial-congested").toString(), "--load-input",
            loadCurve.toString(), "--holdings", holdings.toString(),
            "--warehouse", warehouse.toString(), "--set", "spark.master=local[2]"};

        String first = CommandRun.succeeding(pipeline);
        String second = CommandRun.succeeding(pipeline);
        String oneDay = CommandRun.succeeding("compute", "lmp", "--case",
                GRID.resolve("three-bus-radial-congested").toString(), "--start", "2024-03-10",
                "--end", "2024-03-11", "--warehouse", warehouse.toString(),
                "--set", "spark.master=local[2]");

        long congested = java.util.stream.DoubleStream.of(factors).filter(f -> 10 * f > 4)
                .count();
        assertThat(congested).isBetween(30L, 45L);
        assertThat(first).contains("case three-bus-radial-congested, 47 hours, 47 solved, 0 "
                + "without a solution, " + congested + " congested, 141 LMP rows");
        assertThat(second).contains("141 LMP rows");
        assertThat(oneDay).contains("23 hours, 23 solved");
        String lmp = dataFiles("lmp");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + lmp + ")")).isEqualTo("141");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + lmp + ") WHERE bus_id = 3 "
                + "AND abs(lmp_usd_per_mwh - 4) < 1e-6 AND abs(energy_usd_per_mwh - 4) < 1e-6"))
                .isEqualTo(String.valueOf(congested));
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + lmp + ") WHERE bus_id = 2 "
                + "AND abs(congestion_usd_per_mwh + 2) < 1e-6")).isEqualTo(String.valueOf(congested));
        assertThat(Double.parseDouble(duckDb("SELECT payoff_usd FROM read_parquet("
                + dataFiles("crr_settlement_totals") + ") WHERE holding_id = 'G2-LOAD'")))
                .isCloseTo(8.0 * congested, within(1e-6));
        assertThat(Double.parseDouble(duckDb("SELECT payoff_usd FROM read_parquet("
                + dataFiles("crr_settlement_totals") + ") WHERE holding_id = 'LOAD-G2-OPT'")))
                .isCloseTo(0.0, within(1e-9));
        assertThat(duckDb("SELECT concat_ws('|', settled_hours, unpriced_hours) FROM "
                + "read_parquet(" + dataFiles("crr_settlement_totals") + ") WHERE holding_id = "
                + "'JULY'")).isEqualTo("0|744");
        assertThat(duckDb("SELECT concat_ws('|', line_number, reason) FROM read_parquet("
                + dataFiles("rejects") + ") WHERE job = 'settle-crr'"))
                .isEqualTo("5|node 999 is not a bus of case three-bus-radial-congested with "
                        + "prices");
        String rent = dataFiles("congestion_rent");
        assertThat(Double.parseDouble(duckDb("SELECT sum(congestion_rent_usd) FROM read_parquet("
                + rent + ")"))).isCloseTo(8.0 * congested, within(1e-6));
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + rent + ") WHERE adequate"))
                .isEqualTo("47");
        checkReport(first, congested);
    }

    /**
     * Checks the report's values. Every congested hour has the same $8 rent, and ties go to the
     * higher load, then the earlier hour. So the most congested hour is the first peak hour,
     * 2024-03-09 hour ending 24 at 10 MW, where branch 2 (bus 2 to bus 3) carries its 4 MW limit.
     */
    private static void checkReport(String output, long congested) throws Exception {
        Path report = Path.of(RunReportChecks.reportLocation(output));
        String html = RunReportChecks.checkFile(warehouse, "pipeline-grid", report);
        assertThat(html).contains("2024-03-09 hour ending 24: congestion rent $8.00, load "
                + "10.0 MW, binding branches 1.")
                .contains(cells(2, 2, 3, "4.00", "4.00", "2.00", "2.00", "4.00", "8.00"))
                .contains(cells(2, 2, 3, "4.00", congested, "2.00", "2.00",
                        String.format("%.2f", 8.0 * congested)))
                .contains("<td>G2-LOAD</td><td>obligation</td><td class=\"num\">2</td>"
                        + "<td class=\"num\">3</td>")
                .contains(String.format("$%.2f", 8.0 * congested))
                .contains("node 999 is not a bus of case three-bus-radial-congested");
        assertThat(redPixels(html, "LMP by bus, 2024-03-09 hour ending 24")).isPositive();
        RunReportChecks.checkInChromium(report, "Grid LMP and CRR pipeline, "
                + "three-bus-radial-congested", 5, 1200);
    }

    private static String cells(Object... values) {
        StringBuilder row = new StringBuilder("<tr>");
        for (Object value : values) {
            row.append("<td class=\"num\">").append(value).append("</td>");
        }
        return row.append("</tr>").toString();
    }

    /** Counts the pixels in the highlight colour of the chart titled {@code title}. */
    private static long redPixels(String html, String title) throws Exception {
        int alt = html.indexOf("alt=\"" + title);
        assertThat(alt).as(title).isPositive();
        int start = html.lastIndexOf("base64,", alt) + "base64,".length();
        byte[] png = Base64.getDecoder().decode(html.substring(start, html.indexOf('"', start)));
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(png));
        int highlight = ReportCharts.colour(1).getRGB();
        long count = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                count += picture.getRGB(x, y) == highlight ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void infeasibleHoursHaveNoPrices() throws Exception {
        Path tight = Files.createTempDirectory("tight");
        Files.write(tight.resolve("buses.csv"), List.of("bus_id,type,load_mw", "1,REF,0",
                "2,PQ,10"));
        Files.write(tight.resolve("branches.csv"), List.of("from_bus,to_bus,reactance_pu",
                "1,2,0.1"));
        Files.write(tight.resolve("generators.csv"), List.of(
                "bus_id,min_mw,max_mw,offer_usd_per_mwh", "1,0,8,10"));
        CommandRun.succeeding("ingest", "ercot", "--report", "native-load", "--input",
                loadCurve.toString(), "--warehouse", warehouse.toString(),
                "--set", "spark.master=local[2]");
        String[] compute = {"compute", "lmp", "--case", tight.toString(), "--case-name", "tight",
            "--warehouse", warehouse.toString(), "--set", "spark.master=local[2]"};

        String solved = CommandRun.succeeding(compute);
        CommandRun stopped = CommandRun.errors(withStop(compute));
        CommandRun noneSolved = CommandRun.errors(with(compute, "--load-scaling", "level"));

        long infeasible = java.util.stream.DoubleStream.of(factors).filter(f -> 10 * f > 8)
                .count();
        assertThat(solved).contains("case tight, 47 hours, " + (47 - infeasible) + " solved, "
                + infeasible + " without a solution").contains("no solution: 2024-03-09 HE");
        String hours = dataFiles("opf_hours");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + hours + ") WHERE case_name = "
                + "'tight' AND status = 'infeasible'")).isEqualTo(String.valueOf(infeasible));
        assertThat(duckDb("SELECT min(reason) FROM read_parquet(" + hours + ") WHERE case_name "
                + "= 'tight' AND status = 'infeasible'")).contains("8");
        String lmp = dataFiles("lmp");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + lmp + ") WHERE case_name = "
                + "'tight'")).isEqualTo(String.valueOf(2 * (47 - infeasible)));
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + lmp + ") WHERE case_name = "
                + "'tight' AND abs(lmp_usd_per_mwh - 10) > 1e-6")).isEqualTo("0");
        assertThat(noneSolved.exitCode()).isEqualTo(1);
        assertThat(noneSolved.output()).contains("tight: none of the 47 hours has a solution, "
                + "so no LMPs were published and earlier results stay");
        assertThat(duckDb("SELECT count(*) FROM read_parquet(" + dataFiles("lmp")
                + ") WHERE case_name = 'tight'")).isEqualTo(String.valueOf(2 * (47 - infeasible)));
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.output()).contains("tight: " + infeasible + " of 47 hours have no "
                + "solution, so no LMPs were published");

        CommandRun unknownZone = CommandRun.errors(with(compute, "--profile-zone", "NORTH"));
        CommandRun reversed = CommandRun.errors(with(compute, "--start", "2024-03-10",
                "--end", "2024-03-09"));

        assertThat(unknownZone.output()).contains("No hours of ERCOT NORTH in load_hourly. "
                + "The table has ERCOT ERCOT 2024-03-09 to 2024-03-10");
        assertThat(reversed.output()).contains("Invalid --end 2024-03-09: it must be after "
                + "--start 2024-03-10");
    }

    @Test
    void csvSnapshotMatchesHandWorkedPrices() throws Exception {
        Path radial = Files.createTempFile("radial", ".csv");
        Path meshed = Files.createTempFile("meshed", ".csv");

        CommandRun.succeeding("compute", "lmp", "--case",
                GRID.resolve("three-bus-radial-congested").toString(), "--csv", radial.toString());
        CommandRun.succeeding("compute", "lmp", "--case",
                GRID.resolve("three-bus-congested").toString(), "--csv", meshed.toString());

        assertThat(Files.readAllLines(radial)).containsExactly("bus,lmp,energy,congestion,loss",
                "1,4.000000,4.000000,0.000000,0.000000", "2,2.000000,4.000000,-2.000000,0.000000",
                "3,4.000000,4.000000,0.000000,0.000000");
        assertThat(Files.readAllLines(meshed)).containsExactly("bus,lmp,energy,congestion,loss",
                "1,4.000000,4.000000,0.000000,0.000000", "2,2.000000,4.000000,-2.000000,0.000000",
                "3,6.000000,4.000000,2.000000,0.000000");
    }

    private static String[] withStop(String[] args) {
        return with(args, "--stop-on-infeasible");
    }

    private static String[] with(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    private static String dataFiles(String table) {
        return DuckDbReads.dataFiles(warehouse, table);
    }

    private static String duckDb(String query) throws Exception {
        return DuckDbReads.duckDb(query);
    }
}
