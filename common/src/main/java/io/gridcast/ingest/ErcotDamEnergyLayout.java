package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ERCOT DAM total energy sold (NP4-193-CD) or purchased (NP4-192-CD) per settlement point and
 * hour: operating day, hour ending, settlement point, total MWh and DST flag. The total's
 * header differs between the report ({@code TotalDAMEnergySold},
 * {@code Total_DAM_Energy_Bought}), ERCOT's API and third-party exports ({@code Total}). All
 * are read through one mapping. Totals are cleared quantities and so never negative.
 */
final class ErcotDamEnergyLayout implements ReportLayout {

    /** Side of the market that the report totals. */
    enum Side {
        SOLD("sold", List.of("totaldamenergysold", "totalenergysold", "damenergysold",
                "energysold", "energysoldmwh", "total", "totalmwh")),
        PURCHASED("purchased", List.of("totaldamenergybought", "totaldamenergypurchased",
                "totalenergybought", "totalenergypurchased", "damenergybought",
                "damenergypurchased", "energypurchased", "energypurchasedmwh", "total",
                "totalmwh"));

        final String word;
        final List<String> totalHeaders;

        Side(String word, List<String> totalHeaders) {
            this.word = word;
            this.totalHeaders = totalHeaders;
        }
    }

    private static final String DELIVERY_DATE = "DeliveryDate";
    private static final String HOUR_ENDING = "HourEnding";
    private static final String SETTLEMENT_POINT = "SettlementPoint";
    private static final String TOTAL = "Total";
    private static final String DST_FLAG = "DSTFlag";

    private static final StructType SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("settlement_point", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("energy_mwh", DataTypes.DoubleType, false);

    private final Side side;

    ErcotDamEnergyLayout(Side side) {
        this.side = side;
    }

    @Override
    public String description() {
        return "ERCOT DAM total energy " + side.word;
    }

    @Override
    public Map<String, String> headerFields() {
        Map<String, String> fields = new java.util.HashMap<>(Map.of(
                "deliverydate", DELIVERY_DATE,
                "operatingday", DELIVERY_DATE,
                "operatingdate", DELIVERY_DATE,
                "hourending", HOUR_ENDING,
                "settlementpoint", SETTLEMENT_POINT,
                "settlementpointname", SETTLEMENT_POINT,
                "dstflag", DST_FLAG,
                "repeatedhourflag", DST_FLAG));
        side.totalHeaders.forEach(header -> fields.put(header, TOTAL));
        return fields;
    }

    @Override
    public List<String> requiredFields() {
        return List.of(DELIVERY_DATE, HOUR_ENDING, SETTLEMENT_POINT, TOTAL, DST_FLAG);
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public Object[] parse(ReportCells cells) {
        LocalDate operatingDate = ErcotLabels.date(cells.text(DELIVERY_DATE));
        int hourEnding = ErcotLabels.hourEnding(cells.text(HOUR_ENDING));
        boolean repeated = ErcotLabels.repeatedHour(cells.text(DST_FLAG));
        String settlementPoint =
                ErcotLabels.name("settlement point", cells.text(SETTLEMENT_POINT));
        double energyMwh = ErcotLabels.number("energy " + side.word, cells.text(TOTAL));
        if (energyMwh < 0) {
            throw new RowRejection("Negative energy " + side.word + ": " + cells.text(TOTAL)
                    + " MWh");
        }

        Instant start = ErcotLabels.CLOCK.intervalStart(operatingDate, hourEnding, repeated);
        MarketHour hour = MarketHour.of(start, ErcotLabels.CLOCK.zone());
        return new Object[] {ErcotLabels.ISO, settlementPoint, start, hour.operatingDate(),
            hour.hourEnding(), hour.dstFlag(), energyMwh};
    }
}
