package io.gridcast.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalendarFeaturesTest extends SparkTestBase {

    private static final String INPUT = "interval_start_utc";

    private static final StructType SCHEMA = new StructType()
            .add(INPUT, DataTypes.TimestampType, true)
            .add("load_mw", DataTypes.DoubleType, true);

    private Dataset<Row> intervals(String... startsUtc) {
        List<Row> rows = new ArrayList<>();
        for (String start : startsUtc) {
            rows.add(RowFactory.create(Instant.parse(start), 100.0));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Indexes output rows by interval start. */
    private static Map<Instant, Row> byStart(Dataset<Row> output) {
        Map<Instant, Row> rows = new HashMap<>();
        for (Row row : output.collectAsList()) {
            rows.put(instant(row.getAs(INPUT)), row);
        }
        return rows;
    }

    private Row featuresAt(CalendarFeatures features, String startUtc) {
        Instant start = Instant.parse(startUtc);
        return byStart(features.transform(intervals(startUtc))).get(start);
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private static void assertFeature(Row row, String column, int expected) {
        assertThat(row.<Integer>getAs(column)).as(column).isEqualTo(expected);
    }

    @Test
    void lateDecemberInNextIsoYear() {
        // 2024-12-30 05:00Z is 00:00 EST on Monday 2024-12-30.
        Row row = featuresAt(new CalendarFeatures(), "2024-12-30T05:00:00Z");

        assertFeature(row, "hour", 0);
        assertFeature(row, "day_of_week", 1);
        assertFeature(row, "iso_week", 1);
        assertFeature(row, "iso_week_year", 2025);
        assertFeature(row, "year", 2024);
        assertFeature(row, "month", 12);
        assertFeature(row, "quarter", 4);
        assertFeature(row, "day_of_month", 30);
        assertFeature(row, "day_of_year", 365);
        assertFeature(row, "is_weekend", 0);
        assertFeature(row, "is_holiday", 0);
    }

    @Test
    void earlyJanuaryInPreviousIsoYear() {
        // 2021-01-03 17:00Z is 12:00 EST on Sunday 2021-01-03.
        Row row = featuresAt(new CalendarFeatures(), "2021-01-03T17:00:00Z");

        assertFeature(row, "hour", 12);
        assertFeature(row, "day_of_week", 7);
        assertFeature(row, "iso_week", 53);
        assertFeature(row, "iso_week_year", 2020);
        assertFeature(row, "year", 2021);
        assertFeature(row, "day_of_year", 3);
        assertFeature(row, "is_weekend", 1);
    }

    @Test
    void leapYearDaysAreCounted() {
        CalendarFeatures features = new CalendarFeatures();
        Map<Instant, Row> rows = byStart(features.transform(
                intervals("2024-02-29T17:00:00Z", "2024-12-31T17:00:00Z")));

        // Thursday 2024-02-29 is day 31 + 29 = 60.
        Row leapDay = rows.get(Instant.parse("2024-02-29T17:00:00Z"));
        assertFeature(leapDay, "day_of_year", 60);
        assertFeature(leapDay, "day_of_month", 29);
        assertFeature(leapDay, "month", 2);
        assertFeature(leapDay, "quarter", 1);
        assertFeature(leapDay, "day_of_week", 4);

        // Tuesday 2024-12-31 is day 366 and in ISO week 1 of 2025.
        Row lastDay = rows.get(Instant.parse("2024-12-31T17:00:00Z"));
        assertFeature(lastDay, "day_of_year", 366);
        assertFeature(lastDay, "day_of_week", 2);
        assertFeature(lastDay, "iso_week", 1);
        assertFeature(lastDay, "iso_week_year", 2025);
    }

    @Test
    void independenceDayNoonIsHoliday() {
        // 2024-07-04 16:00Z is 12:00 EDT on Thursday 2024-07-04.
        Row row = featuresAt(new CalendarFeatures(), "2024-07-04T16:00:00Z");

        assertFeature(row, "hour", 12);
        assertFeature(row, "is_holiday", 1);
        assertFeature(row, "quarter", 3);
        assertFeature(row, "month", 7);
        assertFeature(row, "day_of_week", 4);
        assertFeature(row, "is_weekend", 0);
    }

    @Test
    void localDateDecidesYearAndHoliday() {
        Map<Instant, Row> rows = byStart(new CalendarFeatures().transform(
                intervals("2025-01-01T03:00:00Z", "2025-01-01T05:00:00Z")));

        // 2025-01-01 03:00Z is still 22:00 EST on Tuesday 2024-12-31.
        Row newYearsEve = rows.get(Instant.parse("2025-01-01T03:00:00Z"));
        assertFeature(newYearsEve, "year", 2024);
        assertFeature(newYearsEve, "month", 12);
        assertFeature(newYearsEve, "day_of_month", 31);
        assertFeature(newYearsEve, "hour", 22);
        assertFeature(newYearsEve, "is_holiday", 0);

        // 2025-01-01 05:00Z is 00:00 EST on Wednesday 2025-01-01.
        Row newYearsDay = rows.get(Instant.parse("2025-01-01T05:00:00Z"));
        assertFeature(newYearsDay, "year", 2025);
        assertFeature(newYearsDay, "hour", 0);
        assertFeature(newYearsDay, "day_of_year", 1);
        assertFeature(newYearsDay, "day_of_week", 3);
        assertFeature(newYearsDay, "is_holiday", 1);
    }

    @Test
    void observedHolidayFlagsFridayNotSaturday() {
        // New Year's Day 2022 fell on a Saturday and was observed on Friday 2021-12-31.
        Map<Instant, Row> rows = byStart(new CalendarFeatures().transform(
                intervals("2021-12-31T17:00:00Z", "2022-01-01T17:00:00Z")));

        Row friday = rows.get(Instant.parse("2021-12-31T17:00:00Z"));
        assertFeature(friday, "is_holiday", 1);
        assertFeature(friday, "is_weekend", 0);

        Row saturday = rows.get(Instant.parse("2022-01-01T17:00:00Z"));
        assertFeature(saturday, "is_holiday", 0);
        assertFeature(saturday, "is_weekend", 1);
        assertFeature(saturday, "day_of_week", 6);
    }

    @Test
    void fallBackRepeatsLocalHourOne() {
        // Clocks fall back at 06:00Z on 2025-11-02: 05:00Z is 01:00 EDT, 06:00Z is 01:00 EST.
        Map<Instant, Row> rows = byStart(new CalendarFeatures().transform(intervals(
                "2025-11-02T04:00:00Z", "2025-11-02T05:00:00Z",
                "2025-11-02T06:00:00Z", "2025-11-02T07:00:00Z")));

        assertFeature(rows.get(Instant.parse("2025-11-02T04:00:00Z")), "hour", 0);
        assertFeature(rows.get(Instant.parse("2025-11-02T05:00:00Z")), "hour", 1);
        assertFeature(rows.get(Instant.parse("2025-11-02T06:00:00Z")), "hour", 1);
        assertFeature(rows.get(Instant.parse("2025-11-02T07:00:00Z")), "hour", 2);
        assertFeature(rows.get(Instant.parse("2025-11-02T06:00:00Z")), "day_of_week", 7);
        assertFeature(rows.get(Instant.parse("2025-11-02T06:00:00Z")), "day_of_month", 2);
    }

    @Test
    void springForwardSkipsLocalHourTwo() {
        // Clocks spring forward at 07:00Z on 2025-03-09: 06:00Z is 01:00 EST, 07:00Z 03:00 EDT.
        Map<Instant, Row> rows = byStart(new CalendarFeatures().transform(intervals(
                "2025-03-09T05:00:00Z", "2025-03-09T06:00:00Z", "2025-03-09T07:00:00Z")));

        assertFeature(rows.get(Instant.parse("2025-03-09T05:00:00Z")), "hour", 0);
        assertFeature(rows.get(Instant.parse("2025-03-09T06:00:00Z")), "hour", 1);
        assertFeature(rows.get(Instant.parse("2025-03-09T07:00:00Z")), "hour", 3);
    }

    @Test
    void timeZoneParamSetsLocalClock() {
        // 2025-01-01 05:00Z is 23:00 CST on Tuesday 2024-12-31.
        CalendarFeatures features = new CalendarFeatures().setTimeZone("America/Chicago");
        Row row = featuresAt(features, "2025-01-01T05:00:00Z");

        assertFeature(row, "hour", 23);
        assertFeature(row, "year", 2024);
        assertFeature(row, "day_of_week", 2);
        assertFeature(row, "is_holiday", 0);
    }

    @Test
    void nullInstantGivesNullFeatures() {
        Dataset<Row> input = spark.createDataFrame(
                List.of(RowFactory.create(null, 100.0)), SCHEMA);
        Row row = new CalendarFeatures().transform(input).collectAsList().get(0);

        for (String column : CalendarFeatures.OUTPUT_COLUMNS) {
            assertThat(row.isNullAt(row.fieldIndex(column))).as(column).isTrue();
        }
    }

    @Test
    void resultIgnoresSessionTimeZone() {
        String[] starts = {"2024-12-30T05:00:00Z", "2025-01-01T03:00:00Z",
                "2025-03-09T07:00:00Z", "2025-11-02T06:00:00Z"};
        CalendarFeatures features = new CalendarFeatures();
        List<Row> inUtc = features.transform(intervals(starts)).orderBy(INPUT).collectAsList();

        String sessionZone = spark.conf().get("spark.sql.session.timeZone");
        try {
            spark.conf().set("spark.sql.session.timeZone", "Asia/Tokyo");
            List<Row> inTokyo = features.transform(intervals(starts)).orderBy(INPUT)
                    .collectAsList();
            assertThat(inTokyo).isEqualTo(inUtc);
        } finally {
            spark.conf().set("spark.sql.session.timeZone", sessionZone);
        }
    }

    @Test
    void outputSchemaMatchesTransformSchema() {
        Dataset<Row> input = intervals("2025-01-01T05:00:00Z");
        CalendarFeatures features = new CalendarFeatures();

        StructType expected = features.transformSchema(input.schema());
        StructType actual = features.transform(input).schema();

        assertThat(actual.fieldNames()).containsExactly(expected.fieldNames());
        for (StructField field : expected.fields()) {
            assertThat(actual.apply(field.name()).dataType()).as(field.name())
                    .isEqualTo(field.dataType());
        }
        assertThat(expected.apply("is_holiday").dataType()).isEqualTo(DataTypes.IntegerType);
    }

    @Test
    void missingInputColumnIsNamed() {
        CalendarFeatures features = new CalendarFeatures().setInputCol("start_utc");

        assertThatThrownBy(() -> features.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing input column: start_utc");
    }

    @Test
    void nonTimestampInputColumnIsNamed() {
        CalendarFeatures features = new CalendarFeatures().setInputCol("load_mw");

        assertThatThrownBy(() -> features.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("load_mw")
                .hasMessageContaining("double")
                .hasMessageContaining("timestamp");
    }

    @Test
    void existingOutputColumnIsNamed() {
        StructType withHour = SCHEMA.add("hour", DataTypes.IntegerType, true);

        assertThatThrownBy(() -> new CalendarFeatures().transformSchema(withHour))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Output column already exists in the input: hour");
    }

    @Test
    void invalidTimeZoneIsRejected() {
        assertThatThrownBy(() -> new CalendarFeatures().setTimeZone("Eastern"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeZone")
                .hasMessageContaining("Eastern");
        assertThatThrownBy(() -> new CalendarFeatures().setTimeZone("-05:00"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pipelineModelRoundTripKeepsOutput(@TempDir Path folder) throws IOException {
        Dataset<Row> input = intervals("2024-07-04T16:00:00Z", "2025-01-01T05:00:00Z",
                "2025-11-02T06:00:00Z");
        CalendarFeatures features = new CalendarFeatures().setTimeZone("America/Chicago");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {features})
                .fit(input);
        String path = folder.resolve("calendar-model").toString();

        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);

        assertThat(loaded.stages()[0]).isInstanceOf(CalendarFeatures.class);
        CalendarFeatures loadedFeatures = (CalendarFeatures) loaded.stages()[0];
        assertThat(loadedFeatures.getTimeZone()).isEqualTo("America/Chicago");
        assertThat(loadedFeatures.getInputCol()).isEqualTo(INPUT);
        assertThat(loadedFeatures.uid()).isEqualTo(features.uid());
        assertThat(loaded.transform(input).orderBy(INPUT).collectAsList())
                .isEqualTo(model.transform(input).orderBy(INPUT).collectAsList());
    }

    @Test
    void transformerSavesAndLoadsAlone(@TempDir Path folder) throws IOException {
        CalendarFeatures features = new CalendarFeatures().setInputCol("start_utc");
        String path = folder.resolve("calendar").toString();

        features.write().overwrite().save(path);
        CalendarFeatures loaded = CalendarFeatures.load(path);

        assertThat(loaded.getInputCol()).isEqualTo("start_utc");
        assertThat(loaded.getTimeZone()).isEqualTo("America/New_York");
    }
}
