package io.gridcast.ingest;

import io.gridcast.time.MarketHour;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * ERCOT real-time settlement point prices, 15-minute: the report NP6-905-CD ({@code
 * DeliveryDate,DeliveryHour,DeliveryInterval,SettlementPointName,SettlementPointType,
 * SettlementPointPrice,DSTFlag}), one file per interval, and the historical hub and load-zone
 * archive NP6-785-ER with spaced headers and {@code Repeated Hour Flag}. The delivery hour is
 * an hour ending 1..24 and the interval 1..4 within it. A load zone is priced under two types
 * (LZ and the energy-weighted LZEW), so the type is part of the key.
 */
final class ErcotRtPriceLayout implements ReportLayout {

    static final String MARKET_RUN = "RTM";
    static final int INTERVALS_PER_HOUR = 4;

    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final String DELIVERY_DATE = "DeliveryDate";
    private static final String DELIVERY_HOUR = "DeliveryHour";
    private static final String DELIVERY_INTERVAL = "DeliveryInterval";
    private static final String SETTLEMENT_POINT = "SettlementPointName";
    private static final String SETTLEMENT_POINT_TYPE = "SettlementPointType";
    private static final String PRICE = "SettlementPointPrice";
    private static final String DST_FLAG = "DSTFlag";

    private static final StructType SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("market_run", DataTypes.StringType, false)
            .add("settlement_point", DataTypes.StringType, false)
            .add("settlement_point_type", DataTypes.StringType, false)
            .add("interval_start_utc", DataTypes.TimestampType, false)
            .add("operating_date", DataTypes.DateType, false)
            .add("hour_ending", DataTypes.IntegerType, false)
            .add("interval_ending", DataTypes.IntegerType, false)
            .add("dst_flag", DataTypes.BooleanType, false)
            .add("price_usd_per_mwh", DataTypes.DoubleType, false);

    @Override
    public String description() {
        return "ERCOT RT 15-minute settlement point prices";
    }

    @Override
    public Map<String, String> headerFields() {
        return Map.of(
                "deliverydate", DELIVERY_DATE,
                "deliveryhour", DELIVERY_HOUR,
                "deliveryinterval", DELIVERY_INTERVAL,
                "settlementpointname", SETTLEMENT_POINT,
                "settlementpoint", SETTLEMENT_POINT,
                "settlementpointtype", SETTLEMENT_POINT_TYPE,
                "settlementpointprice", PRICE,
                "dstflag", DST_FLAG,
                "repeatedhourflag", DST_FLAG);
    }

    @Override
    public List<String> requiredFields() {
        return List.of(DELIVERY_DATE, DELIVERY_HOUR, DELIVERY_INTERVAL, SETTLEMENT_POINT,
                SETTLEMENT_POINT_TYPE, PRICE, DST_FLAG);
    }

    @Override
    public StructType schema() {
        return SCHEMA;
    }

    @Override
    public Object[] parse(ReportCells cells) {
        LocalDate operatingDate = ErcotLabels.date(cells.text(DELIVERY_DATE));
        int hourEnding = ErcotLabels.hourEnding(cells.text(DELIVERY_HOUR));
        int interval = ErcotLabels.deliveryInterval(cells.text(DELIVERY_INTERVAL));
        boolean repeated = ErcotLabels.repeatedHour(cells.text(DST_FLAG));
        String settlementPoint =
                ErcotLabels.name("settlement point", cells.text(SETTLEMENT_POINT));
        String type =
                ErcotLabels.name("settlement point type", cells.text(SETTLEMENT_POINT_TYPE));
        double price = ErcotLabels.number("settlement point price", cells.text(PRICE));

        Instant hourStart = ErcotLabels.CLOCK.intervalStart(operatingDate, hourEnding, repeated);
        MarketHour hour = MarketHour.of(hourStart, ErcotLabels.CLOCK.zone());
        Instant start = hourStart.plus(INTERVAL.multipliedBy(interval - 1L));
        return new Object[] {ErcotLabels.ISO, MARKET_RUN, settlementPoint, type, start,
            hour.operatingDate(), hour.hourEnding(), interval, hour.dstFlag(), price};
    }
}
