package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ERCOT day-ahead settlement point prices, hourly: the daily report NP4-190-CD
 * ({@code DeliveryDate,HourEnding,SettlementPoint,SettlementPointPrice,DSTFlag}) and the yearly
 * hub and load-zone archive NP4-180-ER ({@code Delivery Date,Hour Ending,Repeated Hour Flag,
 * Settlement Point,Settlement Point Price}). Prices may carry a leading space and no decimal
 * point, and negative prices are valid.
 */
final class ErcotDamPriceLayout implements ReportLayout {

    static final String MARKET_RUN = "DAM";

    private static final String DELIVERY_DATE = "DeliveryDate";
    private static final String HOUR_ENDING = "HourEnding";
    private static final String SETTLEMENT_POINT = "SettlementPoint";
    private static final String PRICE = "SettlementPointPrice";
    private static final String DST_FLAG = "DSTFlag";

    private static final StructType SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("market_run", DataTypes.StringType, false)
            .add("settlement_point", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("price_usd_per_mwh", DataTypes.DoubleType, false);

    @Override
    public String description() {
        return "ERCOT DAM settlement point prices";
    }

    @Override
    public Map<String, String> headerFields() {
        return Map.of(
                "deliverydate", DELIVERY_DATE,
                "hourending", HOUR_ENDING,
                "settlementpoint", SETTLEMENT_POINT,
                "settlementpointname", SETTLEMENT_POINT,
                "settlementpointprice", PRICE,
                "dstflag", DST_FLAG,
                "repeatedhourflag", DST_FLAG);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(DELIVERY_DATE, HOUR_ENDING, SETTLEMENT_POINT, PRICE, DST_FLAG);
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
        double price = ErcotLabels.number("settlement point price", cells.text(PRICE));

        Instant start = ErcotLabels.CLOCK.intervalStart(operatingDate, hourEnding, repeated);
        MarketHour hour = MarketHour.of(start, ErcotLabels.CLOCK.zone());
        return new Object[] {ErcotLabels.ISO, MARKET_RUN, settlementPoint, start,
            hour.operatingDate(), hour.hourEnding(), hour.dstFlag(), price};
    }
}
