package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ErcotPriceIngestTest extends SparkTestBase {

    private static final Path SAMPLE = repositoryRoot().resolve("data/samples/ercot_dam_spp");
    private static final Instant RUN_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private ErcotPriceIngest.Result ingest(Path input, String runId) {
        ErcotPriceIngest ingest = new ErcotPriceIngest(spark);
        ErcotPriceIngest.Result result = ingest.read(input.toString(), runId, RUN_TIME);
        ingest.publish(new TableCatalog(spark, settings), result);
        return result;
    }

    @Test
    void zipAndArchivePublishWithDstDays() {
        ErcotPriceIngest.Result result = ingest(SAMPLE, "run-sample");

        // 23,712 rows in the zipped MIS report plus 2,160 in the archive slice.
        assertThat(result.counts()).isEqualTo(new IngestCounts(25872, 25872, 0, 0, 0));
        assertThat(result.sources()).anyMatch(f -> f.endsWith("dam_4-11-25.zip!/dam_4-11-25.csv"));
        Map<LocalDate, Long> hours = result.hoursPerOperatingDay().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<LocalDate>getAs("operating_date"),
                        r -> r.<Long>getAs("hours")));
        assertThat(hours).containsEntry(LocalDate.parse("2024-03-10"), 23L)
                .containsEntry(LocalDate.parse("2024-11-03"), 25L)
                .containsEntry(LocalDate.parse("2025-04-11"), 24L);
        List<Row> perPoint = new TableCatalog(spark, settings).read("price_hourly")
                .filter("operating_date = DATE '2024-11-03'")
                .groupBy("settlement_point").count().collectAsList();
        assertThat(perPoint).hasSize(15).allMatch(r -> r.getLong(1) == 25L);
    }

    @Test
    void dailyAverageMatchesRawCsv() throws IOException {
        ingest(SAMPLE, "run-average");
        double expected = Files.readAllLines(SAMPLE.resolve("DAMLZHBSPP_2024_dst_days.csv"))
                .stream().filter(l -> l.startsWith("11/03/2024,") && l.contains(",HB_HOUSTON,"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1)))
                .average().orElseThrow();

        Row actual = new TableCatalog(spark, settings).read("price_hourly")
                .filter("settlement_point = 'HB_HOUSTON' AND operating_date = DATE '2024-11-03'")
                .agg(org.apache.spark.sql.functions.avg("price_usd_per_mwh"),
                        org.apache.spark.sql.functions.count("*"))
                .first();
        assertThat(actual.getDouble(0)).isCloseTo(expected,
                org.assertj.core.api.Assertions.within(1e-9));
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

        ErcotPriceIngest.Result result = ingest(folder, "run-repost");
        ErcotPriceIngest.Result again = ingest(folder, "run-repost-again");

        assertThat(result.counts()).isEqualTo(new IngestCounts(4, 1, 2, 1, 23));
        assertThat(again.counts()).isEqualTo(result.counts());
        assertThat(new TableCatalog(spark, settings).read("price_hourly")
                .filter("settlement_point = 'HB_WEST' AND operating_date = DATE '2026-06-12'")
                .count()).isEqualTo(1);
        assertThat(new TableCatalog(spark, settings).read("rejects")
                .filter("job = 'ercot-dam-spp' AND source_file LIKE '%ercot-repost%'").count())
                .isEqualTo(2);
    }

    @Test
    void missingHoursCountWithinDaysRead() throws IOException {
        Path folder = Files.createTempDirectory("ercot-gap");
        Files.writeString(folder.resolve("gap.csv"), "Delivery Date,Hour Ending,"
                + "Repeated Hour Flag,Settlement Point,Settlement Point Price\n"
                + "11/03/2024,01:00,N,HB_PAN,10\n"
                + "11/03/2024,02:00,N,HB_PAN,11\n"
                + "11/03/2024,02:00,Y,HB_PAN,12\n");

        ErcotPriceIngest.Result result = new ErcotPriceIngest(spark).read(folder.toString(),
                "run-gap", RUN_TIME);

        // The fall-back day has 25 hours; 3 are present.
        assertThat(result.counts()).isEqualTo(new IngestCounts(3, 3, 0, 0, 22));
    }

    @Test
    void truncatedZipFailsNamingFile() throws IOException {
        Path folder = Files.createTempDirectory("ercot-truncated");
        byte[] zip = Files.readAllBytes(SAMPLE.resolve("dam_4-11-25.zip"));
        Files.write(folder.resolve("cut.zip"), java.util.Arrays.copyOf(zip, zip.length / 2));

        Throwable error = org.assertj.core.api.Assertions.catchThrowable(() ->
                new ErcotPriceIngest(spark).read(folder.toString(), "run-cut", RUN_TIME));

        assertThat(error).isNotNull();
        Throwable inputError = error;
        while (inputError != null && !(inputError instanceof InvalidInputException)) {
            inputError = inputError.getCause();
        }
        assertThat(inputError).isNotNull();
        assertThat(inputError.getMessage()).contains("cut.zip");
    }
}
