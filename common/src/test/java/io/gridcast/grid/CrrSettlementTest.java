package io.gridcast.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridcast.SparkTestBase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * CRR payoffs on the three-bus textbook case. Generator 1 (bus 1) offers at $4/MWh,
 * generator 2 (bus 2) at $2/MWh, and 10 MW of load sits at bus 3. In hour 0 the line from
 * bus 2 carries at most 4 MW, so generator 1 is marginal at buses 1 and 3: LMPs 4, 2, 4 with
 * bus 1 as reference, so congestion components 0, -2, 0. Generator 2 is paid 4 × 2 = $8,
 * generator 1 6 × 4 = $24, the load pays 10 × 4 = $40, and the congestion rent is
 * 40 - 32 = $8 (the limit's 4 MW times the $2 price difference). In hour 1 nothing binds and
 * every LMP is $2. Hour 2 has no prices (an infeasible hour).
 */
class CrrSettlementTest extends SparkTestBase {

    private static final Instant HOUR_0 = Instant.parse("2024-07-01T00:00:00Z");

    @Test
    void payoffsMatchHandWorkedCase() {
        Dataset<Row> holdings = CrrSettlement.holdings(spark, List.of(
                holding("A", "2", "3", false, 2),
                holding("B", "3", "2", true, 2),
                holding("C", "3", "2", false, 2),
                holding("D", "1", "2", false, 3)));

        Map<String, Row> lmpTotals = byId(CrrSettlement.totals(holdings, CrrSettlement.hourly(
                holdings, lmps(), CrrSettlement.PriceBasis.LMP), CrrSettlement.PriceBasis.LMP));
        Map<String, Row> congestionTotals = byId(CrrSettlement.totals(holdings,
                CrrSettlement.hourly(holdings, congestionComponents(),
                        CrrSettlement.PriceBasis.CONGESTION), CrrSettlement.PriceBasis.CONGESTION));

        // A: 4 MW × (4 - 2) in hour 0 and 4 × (2 - 2) in hour 1.
        assertThat(lmpTotals.get("A").getDouble(9)).isCloseTo(8.0, within(1e-9));
        // B, an option against the flow: max(0, 4 × (2 - 4)) = 0.
        assertThat(lmpTotals.get("B").getDouble(9)).isCloseTo(0.0, within(1e-9));
        // C, the same as an obligation, pays 8.
        assertThat(lmpTotals.get("C").getDouble(9)).isCloseTo(-8.0, within(1e-9));
        // D: 2 MW × (2 - 4) in hour 0, nothing in hour 1, hour 2 unpriced.
        assertThat(lmpTotals.get("D").getDouble(9)).isCloseTo(-4.0, within(1e-9));
        assertThat(lmpTotals.get("D").getLong(7)).isEqualTo(2);
        assertThat(lmpTotals.get("D").getLong(8)).isEqualTo(1);
        for (String id : List.of("A", "B", "C", "D")) {
            assertThat(congestionTotals.get(id).getDouble(9)).as(id)
                    .isCloseTo(lmpTotals.get(id).getDouble(9), within(1e-9));
        }
    }

    @Test
    void rentCoversRightsPayoffs() {
        Dataset<Row> holdings = CrrSettlement.holdings(spark, List.of(
                holding("A", "2", "3", false, 2), holding("C", "3", "2", false, 2),
                holding("D", "1", "2", false, 3)));
        Dataset<Row> hourly = CrrSettlement.hourly(holdings, lmps(),
                CrrSettlement.PriceBasis.LMP);
        Dataset<Row> rent = spark.createDataFrame(List.of(
                RowFactory.create(Timestamp.from(HOUR_0), 8.0),
                RowFactory.create(Timestamp.from(HOUR_0.plusSeconds(3600)), 0.0)),
                new StructType().add("interval_start_utc", DataTypes.TimestampType)
                        .add("congestion_rent_usd", DataTypes.DoubleType));

        List<Row> adequacy = CrrSettlement.adequacy(hourly, rent).collectAsList();

        // Hour 0: rent 8 against 8 - 8 - 4 = -4 of payoffs.
        assertThat(adequacy.get(0).getDouble(2)).isCloseTo(-4.0, within(1e-9));
        assertThat(adequacy.get(0).getDouble(3)).isCloseTo(12.0, within(1e-9));
        assertThat(adequacy.get(0).getBoolean(4)).isTrue();
        assertThat(adequacy.get(1).getDouble(2)).isCloseTo(0.0, within(1e-9));
    }

    private static CrrHolding holding(String id, String source, String sink, boolean option,
            int hours) {
        return new CrrHolding(id, source, sink, id.equals("D") ? 2.0 : 4.0, option, HOUR_0,
                HOUR_0.plusSeconds(3600L * hours));
    }

    private static Dataset<Row> lmps() {
        return prices(new double[][] {{4, 2, 4}, {2, 2, 2}});
    }

    private static Dataset<Row> congestionComponents() {
        return prices(new double[][] {{0, -2, 0}, {0, 0, 0}});
    }

    private static Dataset<Row> prices(double[][] byHourAndBus) {
        List<Row> rows = new ArrayList<>();
        for (int hour = 0; hour < byHourAndBus.length; hour++) {
            for (int bus = 0; bus < byHourAndBus[hour].length; bus++) {
                rows.add(RowFactory.create(String.valueOf(bus + 1),
                        Timestamp.from(HOUR_0.plusSeconds(3600L * hour)), byHourAndBus[hour][bus]));
            }
        }
        return spark.createDataFrame(rows, CrrSettlement.NODE_PRICES);
    }

    private static Map<String, Row> byId(Dataset<Row> totals) {
        Map<String, Row> rows = new TreeMap<>();
        totals.collectAsList().forEach(row -> rows.put(row.getString(0), row));
        return rows;
    }
}
