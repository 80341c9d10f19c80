package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.ingest.InvalidInputException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrrHoldingsReaderTest {

    @Test
    void readsBothTypesAndPeriods() {
        CrrHoldingsReader.Parsed parsed = CrrHoldingsReader.read(List.of(
                "holding_id,source,sink,mw,type,start_utc,end_utc",
                "A,2,3,4,obligation,2024-07-01,2024-08-01",
                "",
                "B,HB_HOUSTON,HB_NORTH,12.5,Option,2024-07-01T05:00Z,2024-07-02T05:00Z"), "crr.csv");

        assertThat(parsed.rowsRead()).isEqualTo(2);
        assertThat(parsed.rejects()).isEmpty();
        assertThat(parsed.holdings().get(0).hours()).isEqualTo(744);
        assertThat(parsed.holdings().get(1).option()).isTrue();
        assertThat(parsed.holdings().get(1).startUtc()).isEqualTo(Instant.parse("2024-07-01T05:00:00Z"));
        assertThat(parsed.holdings().get(1).mw()).isEqualTo(12.5);
    }

    @Test
    void badRowsAreRejectedWithReasons() {
        CrrHoldingsReader.Parsed parsed = CrrHoldingsReader.read(List.of(
                "holding_id,source,sink,mw,type,start_utc,end_utc",
                "A,2,3,-4,obligation,2024-07-01,2024-08-01",
                "B,2,2,4,obligation,2024-07-01,2024-08-01",
                "C,2,3,4,swap,2024-07-01,2024-08-01",
                "D,2,3,4,option,2024-08-01,2024-07-01",
                "E,2,3,4,option,2024-07-01T00:30Z,2024-08-01",
                "F,2,3,4,option,July,2024-08-01",
                "G,2,3,4,option,2024-07-01,2024-08-01",
                "G,2,3,4,option,2024-07-01,2024-08-01"), "crr.csv");

        assertThat(parsed.holdings()).extracting(CrrHolding::holdingId).containsExactly("G");
        assertThat(parsed.rejects()).extracting(r -> r.lineNumber() + " " + r.reason())
                .containsExactly(
                        "2 mw -4 is not a positive quantity",
                        "3 source and sink are the same node 2",
                        "4 type 'swap' is neither obligation nor option",
                        "5 end_utc 2024-07-01T00:00:00Z is not after start_utc 2024-08-01T00:00:00Z",
                        "6 start_utc 2024-07-01T00:30Z is not on a whole hour",
                        "7 start_utc 'July' is neither an ISO date nor an ISO date-time with "
                                + "offset, e.g. 2024-07-01 or 2024-07-01T05:00Z",
                        "9 duplicate holding_id G");
        assertThat(parsed.rowsRead()).isEqualTo(parsed.holdings().size() + parsed.rejects().size());
    }

    @Test
    void missingColumnNamesTheHeader() {
        assertThatThrownBy(() -> CrrHoldingsReader.read(List.of("holding_id,source,sink,mw"),
                "crr.csv"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("crr.csv line 1: missing column(s) type, start_utc, end_utc");
    }
}
