package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.ingest.ErcotReport;
import io.gridcast.ingest.InvalidInputException;
import io.gridcast.ingest.ReportIngest;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the Athena queries of notebooks-export/athena/ercot on tables ingested from the bundled
 * samples, and checks every result row against one computed here from the raw CSV text, matching
 * rows by ERCOT's own labels (date, hour ending, DST flag) rather than by UTC instants.
 */
class ErcotQueriesTest extends SparkTestBase {

    private static final Path SAMPLES = repositoryRoot().resolve("data/samples");
    private static final Path QUERIES = repositoryRoot().resolve("notebooks-export/athena/ercot");

    @BeforeAll
    static void ingestSamples() {
        ReportIngest ingest = new ReportIngest(spark);
        TableCatalog catalog = new TableCatalog(spark, settings);
        Map<ErcotReport, String> folders = Map.of(
                ErcotReport.DAM_SPP, "ercot_dam_spp",
                ErcotReport.RT_SPP, "ercot_rt_spp",
                ErcotReport.DAM_ENERGY_SOLD, "ercot_dam_energy_sold");
        folders.forEach((report, folder) -> ingest.publish(catalog, ingest.read(report.report(),
                SAMPLES.resolve(folder).toString(), "run-queries", Instant.now())));
    }

    private static List<Row> query(String file, String... params) throws IOException {
        String sql = QueryCommand.readQuery(QUERIES.resolve(file));
        return QueryCommand.run(spark, settings, sql, List.of(params)).collectAsList();
    }

    @Test
    void totalEnergySoldBySettlementPoint() throws IOException {
        Map<String, Double> expected = new HashMap<>();
        for (Map<String, String> row : rawRows(SAMPLES.resolve("ercot_dam_energy_sold"))) {
            expected.merge(row.get("Settlement_Point"),
                    Double.parseDouble(row.get("TotalDAMEnergySold")), Double::sum);
        }

        List<Row> rows = query("1_total_energy_sold_by_settlement_point.sql");

        assertThat(rows).hasSize(expected.size());
        for (Row row : rows) {
            assertThat(row.getDouble(1)).as(row.getString(0))
                    .isCloseTo(expected.get(row.getString(0)), within(1e-3));
            assertThat(row.getLong(2)).isEqualTo(23 + 25 + 24);
        }
        assertThat(rows).extracting(r -> r.getDouble(1))
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void fallBackHoursRankedBySales() throws IOException {
        Map<String, Double> byLabel = new TreeMap<>();
        for (Map<String, String> row : rawRows(SAMPLES.resolve("ercot_dam_energy_sold"))) {
            if (row.get("DeliveryDate").equals("11/03/2024")) {
                byLabel.merge(row.get("HourEnding") + " " + row.get("DSTFlag"),
                        Double.parseDouble(row.get("TotalDAMEnergySold")), Double::sum);
            }
        }
        List<Map.Entry<String, Double>> expected = byLabel.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();

        List<Row> rows = query("2_hours_ranked_by_energy_sold.sql", "2024-11-03");

        assertThat(rows).hasSize(25);
        assertThat(rows.get(0).getInt(0)).isEqualTo(1);
        assertThat(rows.get(0).getDouble(4)).isCloseTo(expected.get(0).getValue(), within(1e-3));
        for (Row row : rows) {
            String label = String.format("%02d:00 %s", row.getInt(1), row.getBoolean(2) ? "Y" : "N");
            assertThat(row.getDouble(4)).as(label).isCloseTo(byLabel.get(label), within(1e-3));
        }
        assertThat(rows).filteredOn(r -> r.getInt(1) == 2).hasSize(2);
    }

    @Test
    void dailyDamPricePerHubKeepsNegativePrices() throws IOException {
        Map<String, List<Double>> pricesByDayAndHub = new TreeMap<>();
        for (Map<String, String> row : rawRows(SAMPLES.resolve("ercot_dam_spp"))) {
            String point = first(row, "SettlementPoint", "Settlement Point");
            if (point.startsWith("HB_")) {
                pricesByDayAndHub.computeIfAbsent(first(row, "DeliveryDate", "Delivery Date")
                        + " " + point, k -> new ArrayList<>()).add(Double.parseDouble(
                        first(row, "SettlementPointPrice", "Settlement Point Price").trim()));
            }
        }

        List<Row> rows = query("3_daily_dam_price_by_hub.sql");

        assertThat(rows).hasSize(pricesByDayAndHub.size());
        for (Row row : rows) {
            String date = row.getAs("operating_date").toString();
            String key = date.substring(5, 7) + "/" + date.substring(8) + "/"
                    + date.substring(0, 4) + " " + row.getString(1);
            List<Double> prices = pricesByDayAndHub.get(key);
            assertThat(row.getDouble(2)).as(key).isCloseTo(prices.stream()
                    .mapToDouble(Double::doubleValue).average().orElseThrow(), within(1e-4));
            assertThat(row.getDouble(3)).as(key).isEqualTo(prices.stream()
                    .mapToDouble(Double::doubleValue).min().orElseThrow());
            assertThat(row.getDouble(4)).as(key).isEqualTo(prices.stream()
                    .mapToDouble(Double::doubleValue).max().orElseThrow());
            assertThat(row.getLong(5)).as(key).isEqualTo(prices.size());
        }
        assertThat(rows).anyMatch(r -> r.getDouble(3) < 0);
        assertThat(rows).filteredOn(r -> r.getAs("operating_date").toString()
                .equals("2024-11-03")).allMatch(r -> r.getLong(5) == 25);
    }

    @Test
    void rtSpreadToDamPerHubAndInterval() throws IOException {
        Map<String, Double> damByLabel = new HashMap<>();
        for (Map<String, String> row : rawRows(SAMPLES.resolve("ercot_dam_spp"))) {
            String flag = first(row, "DSTFlag", "Repeated Hour Flag");
            int hour = Integer.parseInt(first(row, "HourEnding", "Hour Ending").substring(0, 2));
            damByLabel.put(first(row, "DeliveryDate", "Delivery Date") + " " + hour + " " + flag
                    + " " + first(row, "SettlementPoint", "Settlement Point"), Double.parseDouble(
                    first(row, "SettlementPointPrice", "Settlement Point Price").trim()));
        }
        Map<String, Double> expected = new HashMap<>();
        for (Map<String, String> row : rawRows(SAMPLES.resolve("ercot_rt_spp"))) {
            String point = first(row, "SettlementPointName", "Settlement Point Name");
            String hourKey = first(row, "DeliveryDate", "Delivery Date") + " "
                    + first(row, "DeliveryHour", "Delivery Hour") + " "
                    + first(row, "DSTFlag", "Repeated Hour Flag") + " " + point;
            Double dam = damByLabel.get(hourKey);
            if (point.startsWith("HB_") && dam != null) {
                expected.put(hourKey + " " + first(row, "DeliveryInterval", "Delivery Interval"),
                        Double.parseDouble(first(row, "SettlementPointPrice",
                                "Settlement Point Price")) - dam);
            }
        }

        List<Row> rows = query("4_rt_dam_spread_by_hub_and_hour.sql");

        assertThat(rows).hasSize(expected.size()).hasSize(7 * (92 + 100));
        for (Row row : rows) {
            String date = row.getAs("operating_date").toString();
            String key = date.substring(5, 7) + "/" + date.substring(8) + "/"
                    + date.substring(0, 4) + " " + row.getInt(1) + " "
                    + (row.getBoolean(2) ? "Y" : "N") + " " + row.getString(3) + " "
                    + row.getInt(4);
            assertThat(row.getDouble(8)).as(key).isCloseTo(expected.get(key), within(0.005));
        }
    }

    @Test
    void onlyQueriesRunAndMarkersMatchParams() {
        assertThatThrownBy(() -> QueryCommand.run(spark, settings, "DROP TABLE price_hourly",
                List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Not a query");
        assertThatThrownBy(() -> QueryCommand.run(spark, settings,
                "INSERT INTO rejects SELECT * FROM rejects", List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("Not a query");
        assertThatThrownBy(() -> QueryCommand.run(spark, settings,
                "SELECT * FROM price_hourly WHERE operating_date = ? -- and ?", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("The query has 1 ? marker(s) but 0 --param value(s) were given; "
                        + "pass one --param per ?");
        for (String write : List.of(
                "WITH s AS (SELECT * FROM price_interval) INSERT INTO price_interval SELECT * FROM s",
                "WITH s AS (SELECT 1) DELETE FROM price_interval WHERE true",
                "FROM price_hourly INSERT INTO price_hourly SELECT * INSERT INTO price_hourly "
                        + "SELECT *",
                "INSERT OVERWRITE LOCAL DIRECTORY '/tmp/gridcast-never' USING csv SELECT 1 AS x",
                "CALL gridcast.system.rollback_to_snapshot('gridcast.price_hourly', 1)")) {
            assertThatThrownBy(() -> QueryCommand.run(spark, settings, write, List.of()))
                    .as(write).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("Not a query");
        }
        assertThatThrownBy(() -> QueryCommand.run(spark, settings, "SELECT * FROM no_such_table",
                List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid query: [TABLE_OR_VIEW_NOT_FOUND]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        assertThat(QueryCommand.parameterMarkers("SELECT '?', \"a?\" /* ? */ FROM t WHERE x = ?"))
                .isEqualTo(1);
        assertThat(catalogHasTable("price_hourly")).isTrue();
    }

    private static boolean catalogHasTable(String table) {
        return spark.catalog().tableExists(settings.string("catalog.name") + "."
                + settings.string("catalog.database") + "." + table);
    }

    private static String first(Map<String, String> row, String... names) {
        for (String name : names) {
            if (row.containsKey(name)) {
                return row.get(name);
            }
        }
        throw new IllegalArgumentException("No column " + String.join(" or ", names));
    }

    /** Data rows of every CSV in {@code folder}, plain or zipped, by header name. */
    private static List<Map<String, String>> rawRows(Path folder) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                if (file.toString().endsWith(".csv")) {
                    rows.addAll(csvRows(Files.readString(file)));
                } else if (file.toString().endsWith(".zip")) {
                    try (InputStream in = Files.newInputStream(file);
                            ZipInputStream zip = new ZipInputStream(in)) {
                        while (zip.getNextEntry() != null) {
                            rows.addAll(csvRows(new String(zip.readAllBytes(),
                                    StandardCharsets.UTF_8)));
                        }
                    }
                }
            }
        }
        return rows;
    }

    private static List<Map<String, String>> csvRows(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        String[] header = lines.get(0).split(",");
        return lines.stream().skip(1).map(line -> {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            return row;
        }).collect(Collectors.toList());
    }
}
