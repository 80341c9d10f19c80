package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import io.gridcast.io.TableCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** epftoolbox price datasets on small hand-written files in both header styles. */
class EpfDatasetIngestTest extends SparkTestBase {

    private static final String DE_HEADER = ",Price,Ampirion Load Forecast,PV+Wind Forecast";
    private static final String PJM_HEADER =
            "Date, Zonal COMED price, System load forecast, Zonal COMED load foecast";
    private static final Instant RUN_TIME = Instant.parse("2026-01-01T00:00:00Z");

    private static Path input;
    /** Both files read once; the table rows and rejects collected. */
    private static EpfDatasetIngest.Result result;
    private static List<Row> tableRows;
    private static List<Row> rejects;

    /**
     * Writes DE.csv and PJM.csv, then reads both. DE.csv has these days:
     * <ul>
     * <li>2020-03-29, whole, with a negative price at hour ending 3 and an exact copy of hour
     *     ending 10.
     * <li>2020-03-30 without hour ending 5.
     * <li>2020-03-31 with hour ending 6 written as 05:30.
     * <li>2020-04-01, whole.
     * </ul>
     * PJM.csv has 2019-06-01 whole, 2019-06-02 with two different prices for hour ending 8,
     * and four invalid rows for 2019-06-03.
     */
    @BeforeAll
    static void writeInput() throws IOException {
        input = Files.createTempDirectory("epf-input");
        List<String> de = new ArrayList<>(List.of(DE_HEADER));
        de.addAll(day("2020-03-29", 1));
        de.add(10, hour("2020-03-29", 9, "41.0", "16001.0", "3001.5"));
        de.addAll(day("2020-03-30", 2));
        de.remove(de.indexOf(hour("2020-03-30", 4, price(2, 4), "15000.0", "2000.25")));
        List<String> third = day("2020-03-31", 3);
        third.set(5, "2020-03-31 05:30:00,30.0,15000.0,2000.25");
        de.addAll(third);
        de.addAll(day("2020-04-01", 4));
        Files.write(input.resolve("DE.csv"), de);

        List<String> pjm = new ArrayList<>(List.of(PJM_HEADER));
        pjm.addAll(day("2019-06-01", 5));
        pjm.addAll(day("2019-06-02", 6));
        pjm.add(hour("2019-06-02", 7, "99.0", "15000.0", "2000.25"));
        pjm.add("2019-06-03 00:00:00,NaN,85049.0,11509.0");
        pjm.add("2019-06-03 01:00:00,23.5,abc,11509.0");
        pjm.add("2019-06-03 02:00:00,Infinity,85049.0,11509.0");
        pjm.add("2019-06-03 03:00:00,23.5,85049.0");
        pjm.add("2019-06-03 04:00:00,1e7,85049.0,11509.0");
        Files.write(input.resolve("PJM.csv"), pjm);

        result = new EpfDatasetIngest(spark).read(input.toString(), null, null, "run-test",
                RUN_TIME);
        tableRows = result.tableRows().collectAsList();
        rejects = result.rejects().collectAsList();
    }

    /** A row of the file format: hour beginning {@code hour}, then price and exogenous values. */
    private static String hour(String date, int hour, String price, String exogenous1,
            String exogenous2) {
        return String.format("%s %02d:00:00,%s,%s,%s", date, hour, price, exogenous1,
                exogenous2);
    }

    /** Returns the price of day {@code dayIndex} at hour beginning {@code hour}, -12.5 once. */
    private static String price(int dayIndex, int hour) {
        return dayIndex == 1 && hour == 2 ? "-12.5" : (30 + dayIndex) + "." + hour;
    }

    private static List<String> day(String date, int dayIndex) {
        List<String> lines = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            lines.add(h == 0 && dayIndex == 1
                    ? hour(date, 0, "34.97", "16382.0", "3569.5275")
                    : h == 9 && dayIndex == 1 ? hour(date, 9, "41.0", "16001.0", "3001.5")
                    : hour(date, h, price(dayIndex, h), "15000.0", "2000.25"));
        }
        return lines;
    }

    private EpfDatasetIngest.Result read(Path path, String market, String currency) {
        return new EpfDatasetIngest(spark).read(path.toString(), market, currency, "run-test",
                RUN_TIME);
    }

    private static Row row(String market, String date, int hourEnding) {
        return tableRows.stream()
                .filter(r -> r.<String>getAs("market").equals(market)
                        && r.<LocalDate>getAs("delivery_date").equals(LocalDate.parse(date))
                        && r.<Integer>getAs("hour_ending") == hourEnding)
                .findFirst().orElseThrow();
    }

    private static long rowsOn(String date) {
        return tableRows.stream()
                .filter(r -> r.<LocalDate>getAs("delivery_date").equals(LocalDate.parse(date)))
                .count();
    }

    /** Reject reasons of {@code file} by line number. */
    private static Map<Long, String> rejectReasons(String file) {
        return rejects.stream()
                .filter(r -> r.<String>getAs("source_file").endsWith("/" + file))
                .collect(Collectors.toMap(r -> r.<Long>getAs("line_number"),
                        r -> r.<String>getAs("reason")));
    }

    @Test
    void countsAddUpOverBothFiles() {
        // DE has 96 rows: 48 accepted (2 whole days), 47 rejected and 1 copy. The other 2 days
        // of its 4-day span count as 48 missing hours. PJM has 54 rows: 24 accepted, 2
        // conflicting, 23 of an incomplete day and 5 invalid.
        assertThat(result.counts()).isEqualTo(new IngestCounts(150, 72, 77, 1, 48));
        assertThat(result.markets()).containsExactly(
                new EpfDatasetIngest.MarketSpan("DE", "EUR", LocalDate.parse("2020-03-29"),
                        LocalDate.parse("2020-04-01"), 48, 48),
                new EpfDatasetIngest.MarketSpan("PJM", "USD", LocalDate.parse("2019-06-01"),
                        LocalDate.parse("2019-06-01"), 24, 0));
        assertThat(tableRows).hasSize(72);
        assertThat(rejects).hasSize(77);
    }

    @Test
    void emptyFirstHeaderCellReadsDeValues() {
        Row first = row("DE", "2020-03-29", 1);
        assertThat(first.<Double>getAs("price_per_mwh")).isEqualTo(34.97);
        assertThat(first.<Double>getAs("exogenous_1")).isEqualTo(16382.0);
        assertThat(first.<Double>getAs("exogenous_2")).isEqualTo(3569.5275);
        assertThat(first.<String>getAs("currency")).isEqualTo("EUR");
        assertThat(first.<String>getAs("exogenous_1_name")).isEqualTo("Ampirion Load Forecast");
        assertThat(first.<String>getAs("exogenous_2_name")).isEqualTo("PV+Wind Forecast");
        assertThat(first.<Long>getAs("source_line")).isEqualTo(2L);
        assertThat(first.<String>getAs("run_id")).isEqualTo("run-test");
        Row last = row("DE", "2020-04-01", 24);
        assertThat(last.<Double>getAs("price_per_mwh")).isEqualTo(34.23);
    }

    @Test
    void negativePriceIsKept() {
        assertThat(row("DE", "2020-03-29", 3).<Double>getAs("price_per_mwh"))
                .isEqualTo(-12.5);
    }

    @Test
    void spacedHeaderKeepsPublishedNames() {
        Row first = row("PJM", "2019-06-01", 1);
        assertThat(first.<Double>getAs("price_per_mwh")).isEqualTo(35.0);
        assertThat(first.<String>getAs("currency")).isEqualTo("USD");
        assertThat(first.<String>getAs("exogenous_1_name")).isEqualTo("System load forecast");
        assertThat(first.<String>getAs("exogenous_2_name"))
                .isEqualTo("Zonal COMED load foecast");
    }

    @Test
    void dayWithoutOneHourIsRejectedWhole() {
        assertThat(rowsOn("2020-03-30")).isZero();
        Map<Long, String> reasons = rejectReasons("DE.csv");
        // Lines 27 to 49 hold the 23 hours of 2020-03-30.
        for (long line = 27; line <= 49; line++) {
            assertThat(reasons.get(line)).as("line " + line).isEqualTo("Incomplete day DE "
                    + "2020-03-30: 23 of 24 hours, hours ending 5 missing; the day's rows are "
                    + "rejected");
        }
    }

    @Test
    void offHourTimestampRejectsRowAndDay() {
        Map<Long, String> reasons = rejectReasons("DE.csv");
        // 2020-03-31 starts at line 50, so its hour beginning 05:00 is line 55.
        assertThat(reasons.get(55L))
                .isEqualTo("Invalid timestamp: '2020-03-31 05:30:00' is not on the hour");
        assertThat(reasons.get(50L)).startsWith("Incomplete day DE 2020-03-31: 23 of 24 hours, "
                + "hours ending 6 missing");
        assertThat(rowsOn("2020-03-31")).isZero();
    }

    @Test
    void exactCopyIsDroppedAndCounted() {
        Row hour10 = row("DE", "2020-03-29", 10);
        assertThat(hour10.<Double>getAs("price_per_mwh")).isEqualTo(41.0);
        assertThat(hour10.<Long>getAs("source_line")).isEqualTo(11L);
        assertThat(result.counts().duplicates()).isEqualTo(1);
        assertThat(rejectReasons("DE.csv")).doesNotContainKeys(11L, 12L);
    }

    @Test
    void conflictingHourRejectsBothAndDay() {
        Map<Long, String> reasons = rejectReasons("PJM.csv");
        // 2019-06-02 07:00:00 is line 33, and its conflicting copy is line 50.
        assertThat(reasons.get(33L)).isEqualTo("Conflicting duplicate: 2 rows for PJM "
                + "2019-06-02 8 have different values");
        assertThat(reasons.get(50L)).isEqualTo(reasons.get(33L));
        assertThat(reasons.get(26L)).startsWith("Incomplete day PJM 2019-06-02: 23 of 24 "
                + "hours, hours ending 8 missing");
    }

    @Test
    void invalidValuesAreRejectedWithReasons() {
        Map<Long, String> reasons = rejectReasons("PJM.csv");
        assertThat(reasons.get(51L)).isEqualTo("Invalid price: 'NaN' is not a number");
        assertThat(reasons.get(52L)).isEqualTo("Invalid exogenous_1: 'abc' is not a number");
        assertThat(reasons.get(53L)).isEqualTo("Invalid price: 'Infinity' is not a number");
        assertThat(reasons.get(54L)).isEqualTo("Invalid row: expected 4 columns, found 3");
        assertThat(reasons.get(55L)).isEqualTo("Invalid price: '1e7' is out of range "
                + "(beyond plus or minus 1,000,000 per MWh)");
    }

    @Test
    void optionsNameMarketAndCurrency() {
        EpfDatasetIngest.Result result = read(input.resolve("DE.csv"), "epex-de", "eur");

        assertThat(result.markets()).extracting(EpfDatasetIngest.MarketSpan::market,
                EpfDatasetIngest.MarketSpan::currency).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("EPEX-DE", "EUR"));
    }

    @Test
    void unknownMarketNeedsCurrency() throws IOException {
        Path nordPool = Files.createTempDirectory("epf-np");
        List<String> lines = new ArrayList<>(List.of("Date,Price,Load,Wind"));
        lines.addAll(day("2018-12-24", 2));
        Files.write(nordPool.resolve("NP.csv"), lines);

        assertThatThrownBy(() -> read(nordPool, null, null).counts())
                .hasRootCauseInstanceOf(InvalidInputException.class)
                .rootCause().hasMessageEndingWith("Missing currency of market NP in file:"
                        + nordPool.resolve("NP.csv") + ": set --currency (or prices.currency),"
                        + " e.g. EUR");
    }

    @Test
    void fiveColumnHeaderFailsFile() throws IOException {
        Path wide = Files.createTempDirectory("epf-wide");
        Files.write(wide.resolve("DE.csv"), List.of(DE_HEADER + ",Extra",
                "2020-03-29 00:00:00,34.97,16382.0,3569.5275,1"));

        assertThatThrownBy(() -> read(wide, null, null).counts())
                .rootCause().isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Invalid header in file:" + wide.resolve("DE.csv")
                        + ": expected 4 columns (time, price, exogenous 1, exogenous 2), "
                        + "found 5");
    }

    @Test
    void rerunAddsNoRows() {
        TableCatalog catalog = new TableCatalog(spark, settings);
        EpfDatasetIngest ingest = new EpfDatasetIngest(spark);

        ingest.publish(catalog, result);
        ingest.publish(catalog, read(input, null, null));

        assertThat(catalog.read("price_inputs_hourly").count()).isEqualTo(72);
        assertThat(catalog.read("rejects").filter("job = 'prices'").count()).isEqualTo(77);
    }
}
