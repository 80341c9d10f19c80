package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SmtIngestTest extends SparkTestBase {

    private static final String KEY = "test-meter-key-0123456789";
    private static final String ESIID = "10443720000000001";
    private static final String HEADER = "ESIID,USAGE_DATE,REVISION_DATE,USAGE_START_TIME,"
            + "USAGE_END_TIME,USAGE_KWH,ESTIMATED_ACTUAL,CONSUMPTION_SURPLUSGENERATION";
    private static final Instant RUN_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private ReportIngest.Result ingest(Path input, String runId) {
        ReportIngest ingest = new ReportIngest(spark);
        ReportIngest.Result result = ingest.read(SmtReport.report(KEY), input.toString(), runId,
                RUN_TIME);
        ingest.publish(new TableCatalog(spark, settings), result);
        return result;
    }

    private static Map<LocalDate, Long> perDay(ReportIngest.Result result) {
        return result.intervalsPerOperatingDay().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<LocalDate>getAs("operating_date"),
                        r -> r.<Long>getAs("intervals")));
    }

    /** HMAC-SHA256 of the ESIID with the test key, first 16 bytes in hex. */
    private static String expectedMeterId() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal(ESIID.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest).substring(0, 32);
    }

    private static String row(String date, String revision, String start, String end,
            String kwh, String flag, String channel) {
        return String.join(",", "'" + ESIID, date, revision, start, end, kwh, flag, channel);
    }

    /** Returns the 100 rows of a fall-back day as SMT writes them, with "02:00 to 01:15". */
    private static List<String> fallBackDay(String channel) {
        List<String> lines = new ArrayList<>();
        LocalTime time = LocalTime.MIDNIGHT;
        for (int i = 0; i < 8; i++, time = time.plusMinutes(15)) {
            lines.add(row("11/06/2022", "11/07/2022 06:00:00", time.toString(),
                    time.plusMinutes(15).toString(), ".2", "A", channel));
        }
        lines.add(row("11/06/2022", "11/07/2022 06:00:00", "02:00", "01:15", ".3", "A", channel));
        for (String start : List.of("01:15", "01:30", "01:45")) {
            LocalTime t = LocalTime.parse(start);
            lines.add(row("11/06/2022", "11/07/2022 06:00:00", start, t.plusMinutes(15).toString(),
                    ".3", "A", channel));
        }
        time = LocalTime.of(2, 0);
        for (int i = 0; i < 88; i++, time = time.plusMinutes(15)) {
            lines.add(row("11/06/2022", "11/07/2022 06:00:00", time.toString(),
                    time.plusMinutes(15).toString(), ".1", "A", channel));
        }
        return lines;
    }

    @Test
    void realExportGives92OnSpringForward() throws Exception {
        ReportIngest.Result result = ingest(repositoryRoot().resolve("data/samples/smt_interval"),
                "run-sample");

        // 17,664 rows; the four blank 02:00 to 03:00 rows of 2022-03-13 are rejected.
        assertThat(result.counts()).isEqualTo(
                new IngestCounts(17664, 17660, 4, 0, 0, 0, "15-minute intervals"));
        assertThat(perDay(result)).hasSize(184)
                .containsEntry(LocalDate.parse("2022-03-13"), 92L)
                .containsEntry(LocalDate.parse("2022-03-12"), 96L);
        Row first = new TableCatalog(spark, settings).read("meter_interval")
                .orderBy("interval_start_utc").first();
        assertThat(first.<String>getAs("meter_id")).isEqualTo(expectedMeterId());
        assertThat(first.<Instant>getAs("interval_start_utc"))
                .isEqualTo(Instant.parse("2022-03-01T06:00:00Z"));
        assertThat(first.<Double>getAs("energy_kwh")).isEqualTo(0.145);
        assertThat(first.<Boolean>getAs("is_estimated")).isFalse();
        assertThat(first.<Instant>getAs("revised_at_utc"))
                .isEqualTo(Instant.parse("2022-03-02T12:18:33Z"));
    }

    @Test
    void rawEsiidReachesNoTable() {
        ingest(repositoryRoot().resolve("data/samples/smt_interval"), "run-private");

        List<Row> rejects = new TableCatalog(spark, settings).read("rejects")
                .filter("job = 'smt' AND run_id = 'run-private'").collectAsList();
        assertThat(rejects).hasSize(4);
        assertThat(rejects).allMatch(r -> r.<String>getAs("reason")
                .startsWith("Nonexistent local time 02:"));
        assertThat(rejects).noneMatch(r -> r.<String>getAs("raw_line").contains(ESIID));
        assertThat(new TableCatalog(spark, settings).read("meter_interval")
                .filter("source_file LIKE '%" + ESIID + "%' OR meter_id LIKE '%" + ESIID + "%'")
                .count()).isZero();
    }

    @Test
    void fallBackDayGives100Intervals() throws Exception {
        Path input = Files.createTempDirectory("smt-fall-back");
        List<String> lines = new ArrayList<>(List.of(HEADER));
        lines.addAll(fallBackDay("Consumption"));
        Files.write(input.resolve("IntervalData.csv"), lines);

        ReportIngest.Result result = ingest(input, "run-fall-back");

        assertThat(result.counts()).isEqualTo(
                new IngestCounts(100, 100, 0, 0, 0, 0, "15-minute intervals"));
        List<Instant> starts = result.tableRows().orderBy("interval_start_utc")
                .select("interval_start_utc").as(org.apache.spark.sql.Encoders.INSTANT())
                .collectAsList();
        for (int i = 0; i < 100; i++) {
            assertThat(starts.get(i)).isEqualTo(Instant.parse("2022-11-06T05:00:00Z")
                    .plus(Duration.ofMinutes(15L * i)));
        }
        Row standardOne = result.tableRows()
                .filter("interval_start_utc = TIMESTAMP '2022-11-06 07:00:00'").first();
        assertThat(standardOne.<Double>getAs("energy_kwh")).isEqualTo(0.3);
        assertThat(standardOne.<Boolean>getAs("dst_flag")).isTrue();
        assertThat(standardOne.<Integer>getAs("hour_ending")).isEqualTo(2);
        assertThat(result.tableRows().filter("dst_flag").count()).isEqualTo(4);
    }

    @Test
    void latestRevisionWinsAndCopiesCount() throws Exception {
        Path input = Files.createTempDirectory("smt-revisions");
        Files.write(input.resolve("IntervalData.csv"), List.of(HEADER,
                row("07/04/2022", "07/05/2022 06:00:00", "14:00", "14:15", "1.5", "E",
                        "Consumption"),
                row("07/04/2022", "07/08/2022 06:00:00", "14:00", "14:15", "1.25", "A",
                        "Consumption"),
                row("07/04/2022", "07/08/2022 06:00:00", "14:00", "14:15", "1.25", "A",
                        "Consumption"),
                row("07/04/2022", "07/05/2022 06:00:00", "14:00", "14:15", ".75", "A",
                        "Surplus Generation")));

        ReportIngest.Result result = ingest(input, "run-revisions");

        assertThat(result.counts().superseded()).isEqualTo(1);
        assertThat(result.counts().duplicates()).isEqualTo(1);
        assertThat(result.counts().accepted()).isEqualTo(2);
        Map<String, Double> byChannel = result.tableRows().collectAsList().stream()
                .collect(Collectors.toMap(r -> r.<String>getAs("channel"),
                        r -> r.<Double>getAs("energy_kwh")));
        assertThat(byChannel).containsExactlyInAnyOrderEntriesOf(Map.of(
                "consumption", 1.25, "surplus_generation", 0.75));
        assertThat(result.counts().summary()).contains("superseded revisions 1, ");
    }

    @Test
    void badRowsRejectedWithReasons() throws Exception {
        Path input = Files.createTempDirectory("smt-bad");
        Files.write(input.resolve("IntervalData.csv"), List.of(HEADER,
                row("07/04/2022", "", "14:00", "14:15", "-1", "A", "Consumption"),
                row("07/04/2022", "", "14:00", "14:30", "1", "A", "Consumption"),
                row("07/04/2022", "", "14:00", "14:15", "1", "X", "Consumption"),
                row("07/04/2022", "", "14:00", "14:15", "1", "A", "Generation"),
                row("02/30/2022", "", "14:00", "14:15", "1", "A", "Consumption"),
                row("07/04/2022", "", "14:00", "14:15", "", "A", "Consumption"),
                "'123,07/04/2022,,14:00,14:15,1,A,Consumption"));

        ReportIngest.Result result = ingest(input, "run-bad");

        assertThat(result.counts().rejected()).isEqualTo(7);
        List<String> reasons = result.rejects().orderBy("line_number")
                .select("reason").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertThat(reasons).containsExactly(
                "Invalid USAGE_KWH -1: expected a number of kWh, 0 or more",
                "Invalid interval 14:00 to 14:30: expected 15 minutes",
                "Invalid ESTIMATED_ACTUAL X: expected A (actual) or E (estimated)",
                "Invalid CONSUMPTION_SURPLUSGENERATION Generation: expected Consumption or "
                        + "Surplus Generation",
                "Invalid USAGE_DATE 02/30/2022: expected MM/DD/YYYY",
                "Missing USAGE_KWH",
                "Invalid ESIID: expected 10 to 22 digits");
    }

    @Test
    void twoColumnDownloadTakesMeterFromName() throws Exception {
        Path input = Files.createTempDirectory("smt-download");
        List<String> lines = new ArrayList<>(List.of("Timestamp,kWh"));
        LocalTime time = LocalTime.MIDNIGHT;
        for (int i = 0; i < 96; i++, time = time.plusMinutes(15)) {
            lines.add("2022-11-06 " + time + "," + (i < 8 ? ".2" : ".1"));
            if (i >= 4 && i < 8) {
                lines.add("2022-11-06 " + time + ",.3");
            }
        }
        lines.add("2022-03-13 02:15,");
        Files.write(input.resolve("IntervalData_" + ESIID + ".csv"), lines);

        ReportIngest.Result result = ingest(input, "run-download");

        assertThat(result.counts()).isEqualTo(
                new IngestCounts(101, 100, 1, 0, 0, 0, "15-minute intervals"));
        assertThat(perDay(result)).containsEntry(LocalDate.parse("2022-11-06"), 100L);
        Row repeated = result.tableRows()
                .filter("interval_start_utc = TIMESTAMP '2022-11-06 07:00:00'").first();
        assertThat(repeated.<Double>getAs("energy_kwh")).isEqualTo(0.3);
        assertThat(repeated.<String>getAs("meter_id")).isEqualTo(expectedMeterId());
        assertThat(repeated.<String>getAs("source_file"))
                .endsWith("IntervalData_meter:" + expectedMeterId() + ".csv");
        assertThat(result.rejects().first().<String>getAs("reason"))
                .isEqualTo("Nonexistent local time 02:15 on 2022-03-13 (spring-forward gap)"
                        + " with blank usage, as SMT writes it");
    }

    @Test
    void olderRevisionLaterKeepsStoredOne() throws Exception {
        Path newer = Files.createTempDirectory("smt-newer");
        Path older = Files.createTempDirectory("smt-older");
        Files.write(newer.resolve("IntervalData.csv"), List.of(HEADER, row("08/01/2022",
                "08/05/2022 06:00:00", "10:00", "10:15", "1.25", "A", "Consumption")));
        Files.write(older.resolve("IntervalData.csv"), List.of(HEADER, row("08/01/2022",
                "08/02/2022 06:00:00", "10:00", "10:15", "1.5", "E", "Consumption")));

        ingest(newer, "run-newer");
        ingest(older, "run-older");

        Row stored = new TableCatalog(spark, settings).read("meter_interval")
                .filter("interval_start_utc = TIMESTAMP '2022-08-01 15:00:00'").first();
        assertThat(stored.<Double>getAs("energy_kwh")).isEqualTo(1.25);
    }

    @Test
    void rejectReasonsHideEsiid() throws Exception {
        Path input = Files.createTempDirectory("smt-reason");
        Files.write(input.resolve("IntervalData.csv"), List.of(HEADER, row("09/01/2022", "",
                "00:00", "00:15", "x" + ESIID, "A", "Consumption")));

        ReportIngest.Result result = ingest(input, "run-reason");

        String reason = result.rejects().first().getAs("reason");
        assertThat(reason).startsWith("Invalid USAGE_KWH xmeter:").doesNotContain(ESIID);
    }
}
