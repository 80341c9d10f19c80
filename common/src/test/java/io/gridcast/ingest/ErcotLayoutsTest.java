package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ErcotLayoutsTest {

    private static final Path SAMPLES = SparkTestBase.repositoryRoot().resolve("data/samples");
    private static final Path DAM_ARCHIVE =
            SAMPLES.resolve("ercot_dam_spp/DAMLZHBSPP_2024_dst_days.csv");
    private static final Path RT_ARCHIVE =
            SAMPLES.resolve("ercot_rt_spp/RTMLZHBSPP_2025-03-08_to_2025-03-10.csv");
    private static final Path NATIVE_LOAD =
            SAMPLES.resolve("ercot_native_load/Native_Load_2023_Mar_Nov.csv");

    private static ParsedFile<ParsedRow> parseText(ReportLayout layout, String text) {
        return new ReportCsvParser(layout).parse("test.csv",
                new BufferedReader(new StringReader(text)));
    }

    private static ParsedFile<ParsedRow> parseFile(ReportLayout layout, Path file)
            throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            return new ReportCsvParser(layout).parse(file.toString(), reader);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T value(ReportLayout layout, ParsedRow row, String column) {
        return (T) row.values()[layout.schema().fieldIndex(column)];
    }

    private static Map<LocalDate, Long> rowsPerDay(ReportLayout layout, List<ParsedRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(
                row -> value(layout, row, "operating_date"), Collectors.counting()));
    }

    @Test
    void damArchiveDstDaysHave23And25Hours() throws IOException {
        ReportLayout layout = new ErcotDamPriceLayout();
        ParsedFile<ParsedRow> parsed = parseFile(layout, DAM_ARCHIVE);

        assertThat(parsed.rejected()).isEmpty();
        List<ParsedRow> north = parsed.accepted().stream()
                .filter(r -> value(layout, r, "settlement_point").equals("HB_NORTH")).toList();
        assertThat(rowsPerDay(layout, north)).containsEntry(LocalDate.parse("2024-03-09"), 24L)
                .containsEntry(LocalDate.parse("2024-03-10"), 23L)
                .containsEntry(LocalDate.parse("2024-11-03"), 25L)
                .containsEntry(LocalDate.parse("2024-11-04"), 24L);
        assertThat(parsed.accepted()).hasSize(2160);
    }

    @Test
    void damRepeatedHourFlagGivesSecondHour() throws IOException {
        ReportLayout layout = new ErcotDamPriceLayout();
        ParsedFile<ParsedRow> parsed = parseFile(layout, DAM_ARCHIVE);

        // 11/03/2024,02:00,N,HB_NORTH,10.49 and 11/03/2024,02:00,Y,HB_NORTH,13.60:
        // 01:00 CDT is 06:00Z, the repeated 01:00 CST is 07:00Z.
        Map<Instant, Double> north = parsed.accepted().stream()
                .filter(r -> value(layout, r, "settlement_point").equals("HB_NORTH"))
                .collect(Collectors.toMap(r -> value(layout, r, "interval_start_utc"),
                        r -> value(layout, r, "price_usd_per_mwh")));
        assertThat(north).containsEntry(Instant.parse("2024-11-03T06:00:00Z"), 10.49)
                .containsEntry(Instant.parse("2024-11-03T07:00:00Z"), 13.60)
                .containsEntry(Instant.parse("2024-11-03T08:00:00Z"), 6.76);
    }

    @Test
    void damReportLeadingSpacePrices() {
        ReportLayout layout = new ErcotDamPriceLayout();
        ParsedFile<ParsedRow> parsed = parseText(layout, "DeliveryDate,HourEnding,"
                + "SettlementPoint,SettlementPointPrice,DSTFlag\n"
                + "04/11/2025,01:00,HB_NORTH, 30.04,N\n"
                + "04/11/2025,24:00,ANEM_ESS_RN, 34,N\n"
                + "04/11/2025,02:00,LZ_WEST, -16.17,N\n");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.accepted()).extracting(r -> value(layout, r, "price_usd_per_mwh"))
                .containsExactly(30.04, 34.0, -16.17);
        // Hour ending 24:00 of 2025-04-11 starts 23:00 CDT, 04:00Z on the 12th.
        ParsedRow midnight = parsed.accepted().get(1);
        assertThat((Instant) value(layout, midnight, "interval_start_utc"))
                .isEqualTo(Instant.parse("2025-04-12T04:00:00Z"));
        assertThat((Integer) value(layout, midnight, "hour_ending")).isEqualTo(24);
    }

    @Test
    void badRowsAreRejectedWithReasons() {
        ParsedFile<ParsedRow> parsed = parseText(new ErcotDamPriceLayout(), "DeliveryDate,"
                + "HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n"
                + "04/11/2025,25:00,HB_NORTH, 30.04,N\n"
                + "04/11/2025,02:00,HB_NORTH, abc,N\n"
                + "04/11/2025,03:00,HB_NORTH, 1e3,N\n"
                + "04/11/2025,02:00,HB_NORTH, 30,Y\n"
                + "03/10/2024,03:00,HB_NORTH, 30,N\n"
                + "\n"
                + "04/11/2025,02:00,HB_NORTH\n"
                + "04/11/2025,04:00,HB_NORTH,,N\n");

        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Invalid hour ending 25 on 2025-04-11 (expected 1 to 24)",
                "Invalid settlement point price: abc",
                "Invalid settlement point price: 1e3",
                "Invalid DST flag on hour ending 2 of 2025-04-11: that hour is not repeated in "
                        + "America/Chicago",
                "Invalid hour-ending label 2024-03-10T03:00: local time 2024-03-10T02:00 does "
                        + "not exist in America/Chicago (spring-forward gap)",
                "Blank line",
                "Invalid row: expected 5 columns, found 3",
                "Missing SettlementPointPrice");
    }

    @Test
    void invalidValuesAreRejected() {
        String header = "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n";
        ParsedFile<ParsedRow> parsed = parseText(new ErcotDamPriceLayout(), header
                + "02/30/2024,01:00,HB_NORTH,10,N\n"
                + "02/28/2024,01:00,HB_NORTH," + "9".repeat(400) + ",N\n"
                + "02/28/2024,02:00,HB_NORTH,-1000001,N\n"
                + "02/28/2024,03:00,HB_NORTH,\"10,N\n"
                + "02/28/2024,04:00," + "X".repeat(5000) + ",10,N\n"
                + "02/28/2024,05:00,HB_NORTH,10,N" + ",".repeat(600) + "\n"
                + "02/28/2024,06:00,HB_NORTH,10,N" + ",".repeat(2000) + "\n"
                + "01/01/0001,01:00,HB_NORTH,10,N\n"
                + "02/28/2024,07:00," + "Y".repeat(101) + ",10,N\n");

        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Invalid delivery date: 02/30/2024 (expected MM/DD/YYYY)",
                "Invalid settlement point price: " + "9".repeat(400)
                        + " (out of range, expected -1000000 to 1000000)",
                "Invalid settlement point price: -1000001 (out of range, expected -1000000 to "
                        + "1000000)",
                "Invalid row: expected 5 columns, found 4",
                "Invalid settlement point: 5000 characters (at most 100)",
                "Invalid row: expected 5 columns, found 605",
                "Invalid row: not one CSV record (over 1024 columns or an unclosed quote)",
                "Invalid delivery date: 01/01/0001 (out of range, expected 1995 to 2100)",
                "Invalid settlement point: 101 characters (at most 100)");
    }

    @Test
    void commentSignsAndCrOnlyLineEnds() {
        ParsedFile<ParsedRow> parsed = parseText(new ErcotDamPriceLayout(), "DeliveryDate,"
                + "HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n"
                + "#02/28/2024,01:00,HB,10,N\n"
                + "02/28/2024,01:00,#HB,10,N\n");
        assertThat(parsed.rejected()).extracting(RejectedRow::reason)
                .containsExactly("Invalid delivery date: #02/28/2024 (expected MM/DD/YYYY)");
        assertThat(parsed.accepted()).hasSize(1);
        assertThatThrownBy(() -> parseText(new ErcotDamPriceLayout(), "#DeliveryDate,"
                + "HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Missing column DeliveryDate in test.csv (header: "
                        + "#DeliveryDate,");

        byte[] mixed = ("DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\r\n"
                + "02/28/2024,01:00,HB,10,N\r02/28/2024,02:00,HB,10,N\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportCsvParser(new ErcotDamPriceLayout()).parse("test.csv",
                new StrictUtf8LineReader(new java.io.ByteArrayInputStream(mixed), "test.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid line breaks in test.csv at line 2");
        byte[] crOnly = ("DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\r"
                + "02/28/2024,01:00,HB,10,N\r").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ReportCsvParser(new ErcotDamPriceLayout()).parse("test.csv",
                new StrictUtf8LineReader(new java.io.ByteArrayInputStream(crOnly), "test.csv")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Invalid line breaks in test.csv");
    }

    @Test
    void headerOnlyFileIsOneRejectedLine() {
        ParsedFile<ParsedRow> parsed = parseText(new ErcotDamPriceLayout(),
                "DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag\n");

        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.rejected()).singleElement().satisfies(r -> {
            assertThat(r.lineNumber()).isEqualTo(1);
            assertThat(r.reason()).isEqualTo("Header only: the file has no data rows");
        });
    }

    @Test
    void missingOrUnknownColumnsNameTheFile() {
        assertThatThrownBy(() -> parseText(new ErcotDamPriceLayout(),
                "DeliveryDate,HourEnding,SettlementPoint\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Missing column SettlementPointPrice in test.csv");
        assertThatThrownBy(() -> parseText(new ErcotDamPriceLayout(), "DeliveryDate,HourEnding,"
                + "SettlementPoint,SettlementPointPrice,DSTFlag,Adder\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Unknown column Adder in test.csv");
        assertThatThrownBy(() -> parseText(new ErcotDamPriceLayout(), ""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("No header in test.csv");
    }

    @Test
    void rtIntervalsStartQuarterHoursIntoTheHour() {
        ReportLayout layout = new ErcotRtPriceLayout();
        // NP6-905-CD rows as ERCOT writes them: hour 14 interval 2 is 13:15-13:30 CDT.
        ParsedFile<ParsedRow> parsed = parseText(layout, "DeliveryDate,DeliveryHour,"
                + "DeliveryInterval,SettlementPointName,SettlementPointType,"
                + "SettlementPointPrice,DSTFlag\n"
                + "06/11/2026,14,2,LZ_AEN,LZEW,25.5,N\n"
                + "06/11/2026,14,2,LZ_AEN,LZ,25.61,N\n"
                + "06/11/2026,14,5,LZ_AEN,LZ,25.61,N\n"
                + "06/11/2026,14.0,2.0,HB_PAN,HU,20,N\n");

        assertThat(parsed.accepted()).hasSize(3);
        assertThat(parsed.accepted()).extracting(r -> value(layout, r, "interval_start_utc"))
                .containsOnly(Instant.parse("2026-06-11T18:15:00Z"));
        assertThat(parsed.accepted()).extracting(r -> value(layout, r, "settlement_point_type"))
                .containsExactly("LZEW", "LZ", "HU");
        assertThat(parsed.rejected()).extracting(RejectedRow::reason)
                .containsExactly("Invalid delivery interval: 5 (expected 1 to 4)");
    }

    @Test
    void rtArchiveSpringForwardDayHas92Intervals() throws IOException {
        ReportLayout layout = new ErcotRtPriceLayout();
        ParsedFile<ParsedRow> parsed = parseFile(layout, RT_ARCHIVE);

        assertThat(parsed.rejected()).isEmpty();
        List<ParsedRow> north = parsed.accepted().stream()
                .filter(r -> value(layout, r, "settlement_point").equals("LZ_NORTH")
                        && value(layout, r, "settlement_point_type").equals("LZEW")).toList();
        assertThat(rowsPerDay(layout, north)).containsEntry(LocalDate.parse("2025-03-08"), 96L)
                .containsEntry(LocalDate.parse("2025-03-09"), 92L)
                .containsEntry(LocalDate.parse("2025-03-10"), 96L);
        // Hour 4 interval 1 of 2025-03-09 starts at 03:00 CDT, 08:00Z, an hour after
        // hour 2 interval 4 (01:45 CST, 07:45Z).
        assertThat(north).extracting(r -> (Instant) value(layout, r, "interval_start_utc"))
                .contains(Instant.parse("2025-03-09T07:45:00Z"),
                        Instant.parse("2025-03-09T08:00:00Z"))
                .doesNotHaveDuplicates();
    }

    @Test
    void energyTotalsReadThroughHeaderVariants() {
        ReportLayout sold = new ErcotDamEnergyLayout(ErcotDamEnergyLayout.Side.SOLD);
        ReportLayout bought = new ErcotDamEnergyLayout(ErcotDamEnergyLayout.Side.PURCHASED);
        String rows = "11/03/2024,02:00,HB_NORTH,1200.5,N\n11/03/2024,02:00,HB_NORTH,1300,Y\n";

        for (String header : List.of("DeliveryDate,HourEnding,Settlement_Point,"
                + "TotalDAMEnergySold,DSTFlag", "Delivery Date,Hour Ending,Settlement Point,"
                + "Total,DST Flag", "deliveryDate,hourEnding,settlementPoint,totalEnergySold,"
                + "DSTFlag")) {
            ParsedFile<ParsedRow> parsed = parseText(sold, header + "\n" + rows);
            assertThat(parsed.rejected()).as(header).isEmpty();
            assertThat(parsed.accepted()).extracting(r -> value(sold, r, "interval_start_utc"))
                    .containsExactly(Instant.parse("2024-11-03T06:00:00Z"),
                            Instant.parse("2024-11-03T07:00:00Z"));
            assertThat(parsed.accepted()).extracting(r -> value(sold, r, "energy_mwh"))
                    .containsExactly(1200.5, 1300.0);
        }
        ParsedFile<ParsedRow> purchased = parseText(bought, "DeliveryDate,HourEnding,"
                + "Settlement_Point,Total_DAM_Energy_Bought,DSTFlag\n"
                + "11/04/2024,01:00,LZ_HOUSTON,-5,N\n11/04/2024,01:00,LZ_WEST,50,N\n");
        assertThat(purchased.accepted()).hasSize(1);
        assertThat(purchased.rejected()).extracting(RejectedRow::reason)
                .containsExactly("Negative energy purchased: -5 MWh");
        assertThatThrownBy(() -> parseText(sold, "DeliveryDate,HourEnding,Settlement_Point,"
                + "Total_DAM_Energy_Bought,DSTFlag\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("Missing column Total");
    }

    @Test
    void nativeLoadDstLabelsAndMidnight() throws IOException {
        ReportLayout layout = new ErcotNativeLoadLayout();
        ParsedFile<ParsedRow> parsed = parseFile(layout, NATIVE_LOAD);

        assertThat(parsed.rejected()).isEmpty();
        Map<LocalDate, Long> hours = rowsPerDay(layout, parsed.accepted());
        assertThat(hours).containsEntry(LocalDate.parse("2023-03-12"), 23L)
                .containsEntry(LocalDate.parse("2023-11-05"), 25L)
                .containsEntry(LocalDate.parse("2023-11-06"), 24L);
        // "11/05/2023 02:00 DST" is the repeated 01:00-02:00 hour, in CST: 07:00Z.
        ParsedRow repeated = parsed.accepted().stream()
                .filter(r -> r.rawLine().startsWith("11/05/2023 02:00 DST,")).findFirst()
                .orElseThrow();
        assertThat((Instant) value(layout, repeated, "interval_start_utc"))
                .isEqualTo(Instant.parse("2023-11-05T07:00:00Z"));
        assertThat((Boolean) value(layout, repeated, "dst_flag")).isTrue();
        Row[] zones = value(layout, repeated, "zone_loads");
        assertThat(zones).extracting(z -> z.getString(0)).containsExactly("COAST", "EAST",
                "ERCOT", "FWEST", "NCENT", "NORTH", "SCENT", "SOUTH", "WEST");
    }

    @Test
    void nativeLoadLegacyZoneNamesAndBadCells() {
        ReportLayout layout = new ErcotNativeLoadLayout();
        ParsedFile<ParsedRow> parsed = parseText(layout, "Hour_End,COAST,FAR_WEST,NORTH_C,ERCOT\n"
                + "01/01/2019 24:00,10,20,30,60\n"
                + "01/02/2019 01:00,10,,30,60\n"
                + "01/02/2019 02:00,10,x,30,60\n"
                + "01/02/2019 03:00 DST,10,20,30,60\n"
                + "01/02/2019 04:00,10,20,-30,60\n"
                + "01/02/2019 05:00,10,20,30,999\n");

        assertThat(parsed.accepted()).hasSize(1);
        Row[] zones = value(layout, parsed.accepted().get(0), "zone_loads");
        assertThat(zones).extracting(z -> z.getString(0))
                .containsExactly("COAST", "ERCOT", "FWEST", "NCENT");
        assertThat((Instant) value(layout, parsed.accepted().get(0), "interval_start_utc"))
                .isEqualTo(Instant.parse("2019-01-02T05:00:00Z"));
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Missing load for FAR_WEST",
                "Invalid FAR_WEST load: x",
                "Invalid DST flag on hour ending 3 of 2019-01-02: that hour is not repeated in "
                        + "America/Chicago",
                "Load out of range for NORTH_C: -30 MW (expected 0 to 1000000)",
                "Invalid ERCOT total: 999.000 MW, but the weather zones sum to 60.000 MW");
        assertThatThrownBy(() -> parseText(layout, "Hour Ending,COAST,MARS\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Unknown column MARS in test.csv");
        assertThatThrownBy(() -> parseText(layout, "Hour Ending,FWEST,FAR_WEST\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Weather zone FWEST appears twice in test.csv (column FAR_WEST)");
        Row[] reordered = value(layout, parseText(layout, "Hour Ending,NORTH_C,COAST\n"
                + "01/01/2019 24:00,30,10\n").accepted().get(0), "zone_loads");
        assertThat(reordered).extracting(z -> z.getString(0)).containsExactly("COAST", "NCENT");
    }
}
