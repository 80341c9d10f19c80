package io.gridcast.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_part;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.dayofweek;
import static org.apache.spark.sql.functions.dayofyear;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.weekofyear;
import static org.apache.spark.sql.functions.year;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * Adds integer calendar features of each interval's start in market local time.
 *
 * <p>Every feature describes the local date and hour on which the interval begins, so
 * {@code hour} 0 is the interval from 00:00 to 01:00 local time (hour beginning). On the day
 * clocks fall back, local hour 1 occurs twice, and on the day they spring forward, local hour 2
 * does not occur. Each output column is null where the input instant is null.
 *
 * <ul>
 *   <li>{@code hour}: 0 to 23.
 *   <li>{@code day_of_week}: ISO 8601, 1 = Monday to 7 = Sunday. Spark's {@code dayofweek}
 *       counts 1 = Sunday, and this column converts it.
 *   <li>{@code month} (1 to 12), {@code quarter} (1 to 4), {@code year}, {@code day_of_year}
 *       (1 to 366) and {@code day_of_month} (1 to 31) of the local date.
 *   <li>{@code iso_week} (1 to 53) and {@code iso_week_year}: the ISO 8601 week and
 *       week-numbering year, so 2024-12-30 is in week 1 of 2025.
 *   <li>{@code is_weekend}: 1 on Saturday and Sunday, otherwise 0.
 *   <li>{@code is_holiday}: 1 if the local date is an observed US federal holiday as
 *       {@link UsFederalHolidays} lists it, otherwise 0. Dates before 1971 or after 2100 are
 *       always 0.
 * </ul>
 *
 * <p>The local date and hour come from {@code from_utc_timestamp}, and the date features from
 * Spark's date functions on that local date, so the result does not depend on
 * {@code spark.sql.session.timeZone}.
 */
public class CalendarFeatures extends Transformer implements DefaultParamsWritable {

    public static final String HOUR = "hour";
    public static final String DAY_OF_WEEK = "day_of_week";
    public static final String MONTH = "month";
    public static final String QUARTER = "quarter";
    public static final String YEAR = "year";
    public static final String DAY_OF_YEAR = "day_of_year";
    public static final String DAY_OF_MONTH = "day_of_month";
    public static final String ISO_WEEK = "iso_week";
    public static final String ISO_WEEK_YEAR = "iso_week_year";
    public static final String IS_WEEKEND = "is_weekend";
    public static final String IS_HOLIDAY = "is_holiday";

    /** Output columns in the order they are added. */
    public static final List<String> OUTPUT_COLUMNS = List.of(HOUR, DAY_OF_WEEK, MONTH, QUARTER,
            YEAR, DAY_OF_YEAR, DAY_OF_MONTH, ISO_WEEK, ISO_WEEK_YEAR, IS_WEEKEND, IS_HOLIDAY);

    /** Last year whose holidays {@code is_holiday} flags. The first is 1971. */
    public static final int LAST_HOLIDAY_YEAR = 2100;

    private static final Object[] HOLIDAY_DATES = UsFederalHolidays
            .observedDates(UsFederalHolidays.FIRST_YEAR, LAST_HOLIDAY_YEAR).toArray();

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> timeZone;

    public CalendarFeatures() {
        this(Identifiable.randomUID("calendarFeatures"));
    }

    public CalendarFeatures(String uid) {
        this.uid = uid;
        this.inputCol = new Param<>(this, "inputCol",
                "input column of interval start instants, of type timestamp");
        this.timeZone = new Param<>(this, "timeZone",
                "IANA time zone id of market local time, such as America/New_York",
                (Function1<String, Object> & Serializable) WallClock::isRegionZoneId);
        setDefault(inputCol, "interval_start_utc");
        setDefault(timeZone, "America/New_York");
    }

    /** Loads a transformer saved with {@code write().save(path)}. */
    public static CalendarFeatures load(String path) {
        return read().load(path);
    }

    /** Returns the reader that {@code PipelineModel.load} calls for this stage. */
    public static MLReader<CalendarFeatures> read() {
        return new DefaultParamsReader<>();
    }

    /** Input column of interval start instants (timestamp). Default: interval_start_utc. */
    public Param<String> inputCol() {
        return inputCol;
    }

    /** IANA id of the market's time zone. Default: America/New_York. */
    public Param<String> timeZone() {
        return timeZone;
    }

    public String getInputCol() {
        return getOrDefault(inputCol);
    }

    public CalendarFeatures setInputCol(String value) {
        set(inputCol, value);
        return this;
    }

    public String getTimeZone() {
        return getOrDefault(timeZone);
    }

    public CalendarFeatures setTimeZone(String value) {
        set(timeZone, value);
        return this;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        SchemaChecks.requireColumnOfType(schema, getInputCol(), DataTypes.TimestampType);
        StructType output = schema;
        for (String name : OUTPUT_COLUMNS) {
            SchemaChecks.requireNewColumn(schema, name);
            output = output.add(name, DataTypes.IntegerType, true);
        }
        return output;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Column wallClockSeconds = WallClock.wallClockSeconds(col(getInputCol()), getTimeZone());
        Dataset<Row> output = dataset.toDF();
        for (Map.Entry<String, Column> feature : features(wallClockSeconds).entrySet()) {
            output = output.withColumn(feature.getKey(), feature.getValue().cast("int"));
        }
        return output;
    }

    @Override
    public CalendarFeatures copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Builds each output column from the wall-clock seconds of the interval start. */
    private static Map<String, Column> features(Column wallClockSeconds) {
        Column date = WallClock.localDate(wallClockSeconds);
        // Spark's dayofweek is 1 = Sunday ... 7 = Saturday. Shifting by 5 modulo 7 maps Monday
        // (2) to 0 and Sunday (1) to 6, and adding 1 gives ISO 1 = Monday ... 7 = Sunday.
        Column isoDayOfWeek = pmod(dayofweek(date).plus(5), lit(7)).plus(1);

        Map<String, Column> features = new LinkedHashMap<>();
        features.put(HOUR, WallClock.secondsOfDay(wallClockSeconds)
                .divide(WallClock.SECONDS_PER_HOUR));
        features.put(DAY_OF_WEEK, isoDayOfWeek);
        features.put(MONTH, month(date));
        features.put(QUARTER, quarter(date));
        features.put(YEAR, year(date));
        features.put(DAY_OF_YEAR, dayofyear(date));
        features.put(DAY_OF_MONTH, dayofmonth(date));
        // Spark's weekofyear is the ISO 8601 week: weeks start on Monday and week 1 is the
        // first week with more than three days in the new year.
        features.put(ISO_WEEK, weekofyear(date));
        features.put(ISO_WEEK_YEAR, date_part(lit("YEAROFWEEK"), date));
        features.put(IS_WEEKEND, isoDayOfWeek.geq(6));
        features.put(IS_HOLIDAY, date.isin(HOLIDAY_DATES));
        return features;
    }
}
