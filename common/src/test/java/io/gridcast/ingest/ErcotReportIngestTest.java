package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;

class ErcotReportIngestTest extends SparkTestBase {

    private static final Path SAMPLES = repositoryRoot().resolve("data/samples");
    private static final Instant RUN_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private ReportIngest.Result ingest(ErcotReport report, Path input, String runId) {
        ReportIngest ingest = new ReportIngest(spark);
        ReportIngest.Result result = ingest.read(report.report(), input.toString(), runId,
                RUN_TIME);
        ingest.publish(catalog(), result);
        return result;
    }

    private TableCatalog catalog() {
        return new TableCatalog(spark, settings);
    }

    private static Map<LocalDate, Long> perDay(ReportIngest.Result result) {
        return result.intervalsPerOperatingDay().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<LocalDate>getAs("operating_date"),
                        r -> r.<Long>getAs("intervals")));
    }

    private static List<String> rawLines(Path file, String prefix) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).toList();
    }

    @Test
    void damZipAndArchivePublishWithDstDays() {
        ReportIngest.Result result = ingest(ErcotReport.DAM_SPP,
                SAMPLES.resolve("ercot_dam_spp"), "run-dam");

        // 23,712 rows in the zipped report plus 2,160 in the archive slice.
        assertThat(result.counts()).isEqualTo(new IngestCounts(25872, 25872, 0, 0, 0));
        assertThat(result.sources()).anyMatch(f -> f.endsWith("dam_4-11-25.zip!/dam_4-11-25.csv"));
        assertThat(perDay(result)).containsEntry(LocalDate.parse("2024-03-10"), 23L)
                .containsEntry(LocalDate.parse("2024-11-03"), 25L)
                .containsEntry(LocalDate.parse("2025-04-11"), 24L);
        List<Row> perPoint = catalog().read("price_hourly")
                .filter("operating_date = DATE '2024-11-03'")
                .groupBy("settlement_point").count().collectAsList();
        assertThat(perPoint).hasSize(15).allMatch(r -> r.getLong(1) == 25L);
    }

    @Test
    void damDailyAverageMatchesRawCsv() throws IOException {
        Path archive = SAMPLES.resolve("ercot_dam_spp/DAMLZHBSPP_2024_dst_days.csv");
        ingest(ErcotReport.DAM_SPP, SAMPLES.resolve("ercot_dam_spp"), "run-average");
        double expected = rawLines(archive, "11/03/2024,").stream()
                .filter(l -> l.contains(",HB_HOUSTON,"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))
                .average().orElseThrow();

        Row actual = catalog().read("price_hourly")
                .filter("settlement_point = 'HB_HOUSTON' AND operating_date = DATE '2024-11-03'")
                .agg(functions.avg("price_usd_per_mwh"), functions.count("*")).first();
        assertThat(actual.getDouble(0)).isCloseTo(expected, within(1e-9));
        assertThat(actual.getLong(1)).isEqualTo(25L);
    }

    @Test
    void repostedRowsAreStoredOnce() throws IOException {
        Path folder = Files.createTempDirectory("ercot-repost");
        String report = "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n"
                + "06/12/2026,01:00,HB_WEST, 20.5,N\n"
                + "06/12/2026,02:00,HB_WEST, 21,N\n";
        Files.writeString(folder.resolve("first.csv"), report);
        Files.writeString(folder.resolve("repost.csv"), report.replace(" 21,", " 22,"));

        ReportIngest.Result result = ingest(ErcotReport.DAM_SPP, folder, "run-repost");
        ReportIngest.Result again = ingest(ErcotReport.DAM_SPP, folder, "run-repost-again");

        assertThat(result.counts()).isEqualTo(new IngestCounts(4, 1, 2, 1, 23));
        assertThat(again.counts()).isEqualTo(result.counts());
        assertThat(catalog().read("price_hourly")
                .filter("settlement_point = 'HB_WEST' AND operating_date = DATE '2026-06-12'")
                .count()).isEqualTo(1);
        List<Row> rejects = catalog().read("rejects")
                .filter("job = 'ercot-dam-spp' AND source_file LIKE '%ercot-repost%'")
                .collectAsList();
        assertThat(rejects).hasSize(2).allSatisfy(r -> assertThat(r.<String>getAs("reason"))
                .isEqualTo("Conflicting duplicate: 2 rows for ERCOT DAM HB_WEST "
                        + "2026-06-12 06:00 UTC have different values"));
    }

    @Test
    void missingHoursCountWithinDaysRead() throws IOException {
        Path folder = Files.createTempDirectory("ercot-gap");
        Files.writeString(folder.resolve("gap.csv"), "Delivery Date,Hour Ending,"
                + "Repeated Hour Flag,Settlement Point,Settlement Point Price\n"
                + "11/03/2024,01:00,N,HB_PAN,10\n"
                + "11/03/2024,02:00,N,HB_PAN,11\n"
                + "11/03/2024,02:00,Y,HB_PAN,12\n");

        ReportIngest.Result result = new ReportIngest(spark).read(ErcotReport.DAM_SPP.report(),
                folder.toString(), "run-gap", RUN_TIME);

        // The fall-back day has 25 hours, of which 3 are present.
        assertThat(result.counts()).isEqualTo(new IngestCounts(3, 3, 0, 0, 22));
    }

    @Test
    void intervalFilesLoadInAnyBatch() throws IOException {
        String header = "DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,"
                + "SettlementPointType,SettlementPointPrice,DSTFlag\n";
        Path first = Files.createTempDirectory("ercot-rt-batch1");
        Path second = Files.createTempDirectory("ercot-rt-batch2");
        Files.writeString(first.resolve("rt_0615_2.csv"), header
                + "06/15/2026,10,2,HB_PAN,HU,31,N\n06/15/2026,10,2,LZ_WEST,LZ,32,N\n");
        Files.writeString(second.resolve("rt_0615_1.csv"), header
                + "06/15/2026,10,1,HB_PAN,HU,30,N\n");
        Files.writeString(second.resolve("rt_0615_3.csv"), header
                + "06/15/2026,10,3,HB_PAN,HU,33,N\n");

        ingest(ErcotReport.RT_SPP, first, "run-batch1");
        ingest(ErcotReport.RT_SPP, second, "run-batch2");
        // The re-posted file for interval 2 no longer lists LZ_WEST and corrects HB_PAN.
        Files.writeString(first.resolve("rt_0615_2.csv"), header
                + "06/15/2026,10,2,HB_PAN,HU,31.5,N\n");
        ingest(ErcotReport.RT_SPP, first, "run-repost");

        List<Row> rows = catalog().read("price_interval")
                .filter("operating_date = DATE '2026-06-15'")
                .orderBy("settlement_point", "interval_start_utc").collectAsList();
        assertThat(rows).extracting(r -> r.getAs("settlement_point") + " "
                + r.getAs("interval_ending") + " " + r.getAs("price_usd_per_mwh"))
                .containsExactly("HB_PAN 1 30.0", "HB_PAN 2 31.5", "HB_PAN 3 33.0");
    }

    @Test
    void hiddenZipMembersAreSkipped() throws IOException {
        Path folder = Files.createTempDirectory("ercot-macos-zip");
        try (var zip = new java.util.zip.ZipOutputStream(
                Files.newOutputStream(folder.resolve("dam.zip")))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("dam_2026-06-20.csv"));
            zip.write(("DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n"
                    + "06/20/2026,01:00,HB_PAN, 20,N\n").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new java.util.zip.ZipEntry("__MACOSX/._dam_2026-06-20.csv"));
            zip.write(new byte[] {0, 5, 22, 7, 0, 2});
        }

        ReportIngest.Result result = new ReportIngest(spark).read(ErcotReport.DAM_SPP.report(),
                folder.toString(), "run-macos", RUN_TIME);

        assertThat(result.counts()).isEqualTo(new IngestCounts(1, 1, 0, 0, 23));
        assertThat(result.sources()).singleElement().asString()
                .endsWith("dam.zip!/dam_2026-06-20.csv");
    }

    @Test
    void truncatedZipFailsNamingFile() throws IOException {
        Path folder = Files.createTempDirectory("ercot-truncated");
        byte[] zip = Files.readAllBytes(SAMPLES.resolve("ercot_dam_spp/dam_4-11-25.zip"));
        Files.write(folder.resolve("cut.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() ->
                new ReportIngest(spark).read(ErcotReport.DAM_SPP.report(), folder.toString(),
                        "run-cut", RUN_TIME));

        Throwable inputError = error;
        while (inputError != null && !(inputError instanceof InvalidInputException)) {
            inputError = inputError.getCause();
        }
        assertThat(inputError).as("cause of %s", error).isNotNull();
        assertThat(inputError.getMessage()).contains("cut.zip");
    }

    @Test
    void badFilesGoToRejects() throws IOException {
        Path folder = Files.createTempDirectory("ercot-bad");
        String header = "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n";
        Files.writeString(folder.resolve("good.csv"), header
                + "06/13/2026,01:00,HB_PAN, 20,N\n\n06/13/2026,02:00,HB_PAN, x,N\n");
        Files.writeString(folder.resolve("empty.csv"), header);

        ReportIngest.Result result = ingest(ErcotReport.DAM_SPP, folder, "run-bad");

        assertThat(result.counts()).isEqualTo(new IngestCounts(4, 1, 3, 0, 23));
        assertThat(catalog().read("rejects").filter("job = 'ercot-dam-spp' AND source_file LIKE "
                + "'%ercot-bad%'").select("reason").orderBy("source_file", "line_number")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList())
                .containsExactly("Header only: the file has no data rows", "Blank line",
                        "Invalid settlement point price: x");
    }

    @Test
    void rtDstDaysAndZoneTypes() throws IOException {
        ReportIngest.Result result = ingest(ErcotReport.RT_SPP, SAMPLES.resolve("ercot_rt_spp"),
                "run-rt");

        // 1,123 report rows + 6,532 archive rows + 1,344 constructed hub rows.
        assertThat(result.counts().rowsRead()).isEqualTo(8999);
        assertThat(result.counts().accepted()).isEqualTo(8999);
        assertThat(result.counts().intervalName()).isEqualTo("15-minute intervals");
        assertThat(perDay(result)).containsEntry(LocalDate.parse("2024-03-10"), 92L)
                .containsEntry(LocalDate.parse("2024-11-03"), 100L)
                .containsEntry(LocalDate.parse("2025-03-09"), 92L)
                .containsEntry(LocalDate.parse("2025-03-10"), 96L);
        Row north = catalog().read("price_interval")
                .filter("settlement_point = 'HB_NORTH' AND operating_date = DATE '2024-11-03'")
                .agg(functions.count("*"), functions.sum(functions.col("dst_flag").cast("int")),
                        functions.avg("price_usd_per_mwh"))
                .first();
        double rawAverage = rawLines(SAMPLES.resolve(
                "ercot_rt_spp/rt_spp_hubs_2024_dst_days_constructed.csv"), "11/03/2024,")
                .stream().filter(l -> l.contains(",HB_NORTH,"))
                .mapToDouble(l -> Double.parseDouble(l.split(",")[5])).average().orElseThrow();
        assertThat(north.getLong(0)).isEqualTo(100L);
        assertThat(north.getLong(1)).isEqualTo(4L);
        assertThat(north.getDouble(2)).isCloseTo(rawAverage, within(1e-9));
        assertThat(catalog().read("price_interval")
                .filter("settlement_point = 'LZ_AEN' AND operating_date = DATE '2026-06-11'")
                .select("settlement_point_type").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList()).containsExactlyInAnyOrder("LZ", "LZEW");
    }

    @Test
    void duckDbReadsRepeatedHour() throws Exception {
        ingest(ErcotReport.RT_SPP, SAMPLES.resolve("ercot_rt_spp"), "run-rt-duckdb");
        String dataFiles = duckDbDataFiles(spark, settings, "price_interval");
        // The raw rows of HB_NORTH's repeated hour: DeliveryHour 2 with DSTFlag Y.
        List<Double> rawPrices = rawLines(SAMPLES.resolve(
                "ercot_rt_spp/rt_spp_hubs_2024_dst_days_constructed.csv"), "11/03/2024,2,")
                .stream().filter(l -> l.contains(",HB_NORTH,") && l.endsWith(",Y"))
                .map(l -> Double.parseDouble(l.split(",")[5])).toList();

        List<String> rows = new java.util.ArrayList<>();
        try (java.sql.Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                java.sql.Statement statement = duck.createStatement();
                java.sql.ResultSet result = statement.executeQuery("SELECT "
                        + "epoch(interval_start_utc), price_usd_per_mwh, "
                        + "typeof(interval_start_utc), typeof(operating_date)"
                        + " FROM read_parquet(" + dataFiles + ")"
                        + " WHERE settlement_point = 'HB_NORTH' AND dst_flag"
                        + " ORDER BY interval_start_utc")) {
            while (result.next()) {
                rows.add(Instant.ofEpochSecond(result.getLong(1)) + " " + result.getDouble(2)
                        + " " + result.getString(3) + " " + result.getString(4));
            }
        }

        // 01:00-02:00 CST on 2024-11-03 is 07:00Z to 08:00Z, in four 15-minute intervals.
        assertThat(rows).containsExactly(
                "2024-11-03T07:00:00Z " + rawPrices.get(0) + " TIMESTAMP WITH TIME ZONE DATE",
                "2024-11-03T07:15:00Z " + rawPrices.get(1) + " TIMESTAMP WITH TIME ZONE DATE",
                "2024-11-03T07:30:00Z " + rawPrices.get(2) + " TIMESTAMP WITH TIME ZONE DATE",
                "2024-11-03T07:45:00Z " + rawPrices.get(3) + " TIMESTAMP WITH TIME ZONE DATE");
    }

    @Test
    void energySoldTotalsMatchRawFiles() throws IOException {
        ReportIngest.Result result = ingest(ErcotReport.DAM_ENERGY_SOLD,
                SAMPLES.resolve("ercot_dam_energy_sold"), "run-sold");

        // 15 points x (23 + 25 + 24) hours.
        assertThat(result.counts()).isEqualTo(new IngestCounts(1080, 1080, 0, 0, 0));
        assertThat(perDay(result)).containsEntry(LocalDate.parse("2024-03-10"), 23L)
                .containsEntry(LocalDate.parse("2024-11-03"), 25L);
        Row total = catalog().read("dam_energy_sold").filter("settlement_point = 'LZ_WEST'")
                .agg(functions.sum("energy_mwh")).first();
        assertThat(total.getDouble(0)).isCloseTo(rawZipTotal(
                SAMPLES.resolve("ercot_dam_energy_sold"), "LZ_WEST"), within(1e-6));
    }

    @Test
    void nativeLoadRowPerZoneHour() throws IOException {
        Path file = SAMPLES.resolve("ercot_native_load/Native_Load_2023_Mar_Nov.csv");
        ReportIngest.Result result = ingest(ErcotReport.NATIVE_LOAD, file.getParent(), "run-nl");
        ReportIngest.Result again = ingest(ErcotReport.NATIVE_LOAD, file.getParent(), "run-nl2");

        assertThat(result.counts()).isEqualTo(new IngestCounts(1464, 1464, 0, 0, 0));
        assertThat(again.publishedRows()).isEqualTo(1464L * 9);
        assertThat(catalog().read("load_hourly").filter("iso = 'ERCOT'").count())
                .isEqualTo(1464L * 9);
        double rawCoast = rawLines(file, "11/05/2023 ").stream()
                .mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        Row coast = catalog().read("load_hourly")
                .filter("iso = 'ERCOT' AND zone = 'COAST' AND operating_date = DATE '2023-11-05'")
                .agg(functions.sum("load_mw"), functions.count("*")).first();
        assertThat(coast.getDouble(0)).isCloseTo(rawCoast, within(1e-6));
        assertThat(coast.getLong(1)).isEqualTo(25L);
    }

    private static double rawZipTotal(Path folder, String settlementPoint) throws IOException {
        double total = 0;
        try (var files = Files.list(folder)) {
            for (Path zip : files.filter(f -> f.toString().endsWith(".zip")).toList()) {
                try (var in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
                    in.getNextEntry();
                    for (String line : new String(in.readAllBytes()).split("\n")) {
                        String[] cells = line.split(",");
                        if (cells.length == 5 && cells[2].equals(settlementPoint)) {
                            total += Double.parseDouble(cells[3]);
                        }
                    }
                }
            }
        }
        return total;
    }
}
