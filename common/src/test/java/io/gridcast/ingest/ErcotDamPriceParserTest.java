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
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErcotDamPriceParserTest {

    private static final Path ARCHIVE = SparkTestBase.repositoryRoot()
            .resolve("data/samples/ercot_dam_spp/DAMLZHBSPP_2024_dst_days.csv");

    private static ParsedFile<PriceRecord> parseText(String text) {
        return new ErcotDamPriceParser().parse("test.csv",
                new BufferedReader(new StringReader(text)));
    }

    @Test
    void archiveDstDaysHave23And25Hours() throws IOException {
        ParsedFile<PriceRecord> parsed;
        try (BufferedReader reader = Files.newBufferedReader(ARCHIVE)) {
            parsed = new ErcotDamPriceParser().parse(ARCHIVE.toString(), reader);
        }

        assertThat(parsed.rejected()).isEmpty();
        Map<LocalDate, Long> hoursPerDay = parsed.accepted().stream()
                .filter(r -> r.settlementPoint().equals("HB_NORTH"))
                .collect(Collectors.groupingBy(r -> r.marketHour().operatingDate(),
                        Collectors.counting()));
        assertThat(hoursPerDay).containsEntry(LocalDate.parse("2024-03-09"), 24L)
                .containsEntry(LocalDate.parse("2024-03-10"), 23L)
                .containsEntry(LocalDate.parse("2024-11-03"), 25L)
                .containsEntry(LocalDate.parse("2024-11-04"), 24L);
        assertThat(parsed.accepted()).hasSize(2160);
    }

    @Test
    void repeatedHourFlagGivesSecondHour() throws IOException {
        ParsedFile<PriceRecord> parsed;
        try (BufferedReader reader = Files.newBufferedReader(ARCHIVE)) {
            parsed = new ErcotDamPriceParser().parse(ARCHIVE.toString(), reader);
        }

        // 11/03/2024,02:00,N,HB_NORTH,10.49 and 11/03/2024,02:00,Y,HB_NORTH,13.60:
        // 01:00 CDT is 06:00Z, the repeated 01:00 CST is 07:00Z.
        Map<Instant, Double> north = parsed.accepted().stream()
                .filter(r -> r.settlementPoint().equals("HB_NORTH"))
                .collect(Collectors.toMap(PriceRecord::intervalStartUtc,
                        PriceRecord::priceUsdPerMwh));
        assertThat(north).containsEntry(Instant.parse("2024-11-03T06:00:00Z"), 10.49)
                .containsEntry(Instant.parse("2024-11-03T07:00:00Z"), 13.60)
                .containsEntry(Instant.parse("2024-11-03T08:00:00Z"), 6.76);
    }

    @Test
    void misReportLeadingSpacePrices() {
        ParsedFile<PriceRecord> parsed = parseText("DeliveryDate,HourEnding,SettlementPoint,"
                + "SettlementPointPrice,DSTFlag\n"
                + "04/11/2025,01:00,HB_NORTH, 30.04,N\n"
                + "04/11/2025,24:00,ANEM_ESS_RN, 34,N\n"
                + "04/11/2025,02:00,LZ_WEST, -16.17,N\n");

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.accepted()).extracting(PriceRecord::priceUsdPerMwh)
                .containsExactly(30.04, 34.0, -16.17);
        // Hour ending 24:00 of 2025-04-11 starts 23:00 CDT, 04:00Z on the 12th.
        assertThat(parsed.accepted().get(1).intervalStartUtc())
                .isEqualTo(Instant.parse("2025-04-12T04:00:00Z"));
        assertThat(parsed.accepted().get(1).marketHour().hourEnding()).isEqualTo(24);
    }

    @Test
    void badRowsAreRejectedWithReasons() {
        ParsedFile<PriceRecord> parsed = parseText("DeliveryDate,HourEnding,SettlementPoint,"
                + "SettlementPointPrice,DSTFlag\n"
                + "04/11/2025,25:00,HB_NORTH, 30.04,N\n"
                + "04/11/2025,02:00,HB_NORTH, abc,N\n"
                + "04/11/2025,03:00,HB_NORTH, 1e3,N\n"
                + "04/11/2025,02:00,HB_NORTH, 30,Y\n"
                + "03/10/2024,03:00,HB_NORTH, 30,N\n"
                + "\n"
                + "04/11/2025,02:00,HB_NORTH\n");

        assertThat(parsed.accepted()).isEmpty();
        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber)
                .containsExactly(2L, 3L, 4L, 5L, 6L, 8L);
        assertThat(parsed.rejected()).extracting(RejectedRow::reason).containsExactly(
                "Invalid hour ending 25 on 2025-04-11 (expected 1 to 24)",
                "Invalid settlement point price: abc",
                "Invalid settlement point price: 1e3",
                "Invalid DST flag on hour ending 2 of 2025-04-11: that hour is not repeated in "
                        + "America/Chicago",
                "Invalid hour-ending label 2024-03-10T03:00: local time 2024-03-10T02:00 does "
                        + "not exist in America/Chicago (spring-forward gap)",
                "Invalid row: expected 5 columns, found 3");
    }

    @Test
    void missingColumnNamesFile() {
        assertThatThrownBy(() -> new ErcotDamPriceParser().parse("prices.csv",
                new BufferedReader(new StringReader("DeliveryDate,HourEnding,SettlementPoint\n"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("Missing column SettlementPointPrice in prices.csv");
    }
}
