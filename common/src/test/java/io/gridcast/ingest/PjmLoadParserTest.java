package io.gridcast.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PjmLoadParserTest {

    private static final Path RESOURCES = Path.of("src/test/resources/pjm");

    private static ParsedFile<LoadRecord> parse(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            return new PjmLoadParser().parse(file.toString(), reader);
        }
    }

    private static List<Instant> starts(ParsedFile<LoadRecord> parsed) {
        return parsed.accepted().stream().map(LoadRecord::intervalStartUtc).toList();
    }

    @Test
    void twoColumnFallBackGivesTwoUtcHours() throws IOException {
        ParsedFile<LoadRecord> parsed = parse(RESOURCES.resolve("two_column/PJME_fall_back_2014.csv"));

        assertThat(parsed.rejected()).isEmpty();
        assertThat(starts(parsed)).containsExactly(
                Instant.parse("2014-11-02T07:00:00Z"),
                Instant.parse("2014-11-02T04:00:00Z"),
                Instant.parse("2014-11-02T05:00:00Z"),
                Instant.parse("2014-11-02T06:00:00Z"),
                Instant.parse("2014-11-02T08:00:00Z"));
        assertThat(parsed.accepted().get(2).loadMw()).isEqualTo(22935.0);
        assertThat(parsed.accepted().get(3).loadMw()).isEqualTo(23755.0);
        assertThat(parsed.accepted().get(3).marketHour().dstFlag()).isTrue();
        assertThat(parsed.accepted().get(0).zone()).isEqualTo("PJME");
    }

    @Test
    void twoColumnSpringForwardRejectsGapLabel() throws IOException {
        ParsedFile<LoadRecord> parsed = parse(RESOURCES.resolve("two_column/AEP_spring_forward_2015.csv"));

        assertThat(parsed.rowsRead()).isEqualTo(9);
        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber)
                .containsExactly(4L, 9L, 10L);
        assertThat(parsed.rejected().get(0).reason()).contains("does not exist");
        assertThat(parsed.rejected().get(1).reason()).contains("Invalid Datetime: not-a-date");
        assertThat(parsed.rejected().get(2).reason()).contains("Missing load MW");
        assertThat(starts(parsed)).startsWith(
                Instant.parse("2015-03-08T06:00:00Z"), Instant.parse("2015-03-08T07:00:00Z"));
    }

    @Test
    void dataMinerKeysByUtcAndChecksEpt() throws IOException {
        ParsedFile<LoadRecord> parsed = parse(RESOURCES.resolve("dataminer/hrl_load_metered_fall_back_2025.csv"));

        assertThat(starts(parsed)).hasSize(7).startsWith(Instant.parse("2025-11-02T03:00:00Z"));
        LoadRecord repeated = parsed.accepted().get(3);
        assertThat(repeated.intervalStartUtc()).isEqualTo(Instant.parse("2025-11-02T06:00:00Z"));
        assertThat(repeated.marketHour().hourEnding()).isEqualTo(2);
        assertThat(repeated.marketHour().dstFlag()).isTrue();
        assertThat(repeated.loadMw()).isEqualTo(72840.737);
        assertThat(repeated.isVerified()).isFalse();
        assertThat(repeated.zone()).isEqualTo("RTO");
        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber).containsExactly(9L, 10L);
        assertThat(parsed.rejected().get(0).reason())
                .startsWith("Inconsistent datetime_beginning_ept: 11/2/2025 9:00:00 AM");
        assertThat(parsed.rejected().get(1).reason()).isEqualTo("Invalid load MW: abc");
    }

    private static ParsedFile<LoadRecord> parseText(String text) {
        return new PjmLoadParser().parse("test.csv", new BufferedReader(new StringReader(text)));
    }

    @Test
    void offTheHourTimesAreRejected() {
        ParsedFile<LoadRecord> twoColumn = parseText("Datetime,PJME_MW\n2016-01-01 11:30:00,111\n");
        ParsedFile<LoadRecord> dataMiner = parseText("datetime_beginning_utc,datetime_beginning_ept,"
                + "load_area,mw\n1/1/2025 6:30:00 AM,1/1/2025 1:30:00 AM,RTO,1\n");

        assertThat(twoColumn.accepted()).isEmpty();
        assertThat(twoColumn.rejected().get(0).reason()).contains("is not on the hour");
        assertThat(dataMiner.accepted()).isEmpty();
        assertThat(dataMiner.rejected().get(0).reason())
                .startsWith("Invalid datetime_beginning_utc: 1/1/2025 6:30:00 AM");
    }

    @Test
    void implausibleLoadIsRejected() {
        ParsedFile<LoadRecord> parsed = parseText("Datetime,PJME_MW\n"
                + "2016-07-01 12:00:00,1e308\n"
                + "2016-07-01 13:00:00,-50\n"
                + "2016-07-01 14:00:00,0\n");

        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber).containsExactly(2L, 3L);
        assertThat(parsed.rejected().get(0).reason()).isEqualTo("Invalid load MW: 1e308");
        assertThat(parsed.rejected().get(1).reason()).contains("outside 0 to 1000000 MW");
        assertThat(parsed.accepted()).extracting(LoadRecord::loadMw).containsExactly(0.0);
    }

    @Test
    void thirdFallBackLabelIsRejectedAlone() {
        ParsedFile<LoadRecord> parsed = parseText("Datetime,PJME_MW\n"
                + "2016-11-06 02:00:00,100\n"
                + "2016-11-06 02:00:00,101\n"
                + "2016-11-06 02:00:00,102\n");

        assertThat(starts(parsed)).containsExactly(
                Instant.parse("2016-11-06T05:00:00Z"), Instant.parse("2016-11-06T06:00:00Z"));
        assertThat(parsed.rejected()).extracting(RejectedRow::lineNumber).containsExactly(4L);
        assertThat(parsed.rejected().get(0).reason()).startsWith("Extra row for fall-back label");
    }

    @Test
    void invalidUtf8NamesFileAndLine() {
        byte[] latin1 = "Datetime,PJME_MW\r\n2016-07-01 01:00:00,1\r\n2016-07-01 02:00:00,\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        BufferedReader reader = new StrictUtf8LineReader(new java.io.ByteArrayInputStream(latin1),
                "latin1.csv");

        assertThatThrownBy(() -> new PjmLoadParser().parse("latin1.csv", reader))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid UTF-8 in latin1.csv at line 3 (re-save the file as UTF-8)");
    }

    @Test
    void strictReaderReadsUtf8AndCrLf() throws IOException {
        byte[] utf8 = "Datetime,PJME_MW\r\n2016-07-01 01:00:00,1\r\n\u00e9\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        BufferedReader reader = new StrictUtf8LineReader(new java.io.ByteArrayInputStream(utf8),
                "utf8.csv");

        assertThat(reader.readLine()).isEqualTo("Datetime,PJME_MW");
        assertThat(reader.readLine()).isEqualTo("2016-07-01 01:00:00,1");
        assertThat(reader.readLine()).isEqualTo("\u00e9");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    void unknownHeaderNamesFile() {
        BufferedReader reader = new BufferedReader(new StringReader("when,load\n1,2\n"));

        assertThatThrownBy(() -> new PjmLoadParser().parse("s3a://bucket/x.csv", reader))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("s3a://bucket/x.csv")
                .hasMessageContaining("when,load");
    }

    @Test
    void missingDataMinerColumnNamesIt() {
        BufferedReader reader = new BufferedReader(new StringReader(
                "datetime_beginning_utc,datetime_beginning_ept,zone,mw\n"));

        assertThatThrownBy(() -> new PjmLoadParser().parse("a.csv", reader))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("Missing column load_area in a.csv");
    }
}
