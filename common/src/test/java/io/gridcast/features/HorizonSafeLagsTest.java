package io.gridcast.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rand;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.SparkTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
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

class HorizonSafeLagsTest extends SparkTestBase {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** First interval of the test data: 00:00 EST on 2025-03-01. */
    private static final Instant FIRST_START = Instant.parse("2025-03-01T05:00:00Z");

    /** End of the test data: 00:00 EDT on 2025-03-21. Clocks spring forward on 2025-03-09. */
    private static final Instant END = Instant.parse("2025-03-21T04:00:00Z");

    /** Hourly intervals per zone from FIRST_START to END: 20 days less the skipped hour. */
    private static final int HOURS_PER_ZONE = 20 * 24 - 1;

    /** Added to the AEP value to give the DOM value, so the two series never share a value. */
    private static final double DOM_OFFSET = 1_000_000.0;

    private static final String TIME = "interval_start_utc";

    private static final StructType SCHEMA = new StructType()
            .add("iso", DataTypes.StringType, false)
            .add("zone", DataTypes.StringType, false)
            .add(TIME, DataTypes.TimestampType, false)
            .add("load_mw", DataTypes.DoubleType, true);

    /** Value of zone AEP for the interval starting at the instant: hours since the epoch. */
    private static double aepValue(Instant start) {
        return start.getEpochSecond() / 3_600L;
    }

    private static double aepValue(String startUtc) {
        return aepValue(Instant.parse(startUtc));
    }

    private static Row loadRow(String zone, Instant start, Double value) {
        return RowFactory.create("PJM", zone, start, value);
    }

    /** Builds hourly rows of zones AEP and DOM from FIRST_START to END. */
    private static List<Row> hourlyRows() {
        List<Row> rows = new ArrayList<>();
        for (Instant start = FIRST_START; start.isBefore(END);
                start = start.plus(1, ChronoUnit.HOURS)) {
            rows.add(loadRow("AEP", start, aepValue(start)));
            rows.add(loadRow("DOM", start, aepValue(start) + DOM_OFFSET));
        }
        return rows;
    }

    /** Copies the rows without the AEP intervals starting at the given instants. */
    private static List<Row> withoutAep(List<Row> rows, Set<Instant> starts) {
        List<Row> remaining = new ArrayList<>();
        for (Row row : rows) {
            boolean removed = row.getString(1).equals("AEP") && starts.contains(row.get(2));
            if (!removed) {
                remaining.add(row);
            }
        }
        return remaining;
    }

    private Dataset<Row> frame(List<Row> rows) {
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** Transforms the rows and returns the output rows of one zone by interval start. */
    private Map<Instant, Row> transformZone(HorizonSafeLags lags, List<Row> rows, String zone) {
        Map<Instant, Row> byStart = new HashMap<>();
        for (Row row : lags.transform(frame(rows)).where(col("zone").equalTo(zone))
                .collectAsList()) {
            byStart.put(instant(row.getAs(TIME)), row);
        }
        return byStart;
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    private static Double feature(Row row, String column) {
        return row.getAs(column);
    }

    /** Averages the AEP values of the hourly intervals starting from first to last. */
    private static double aepMean(String firstStartUtc, String lastStartUtc, Set<Instant> gaps) {
        double sum = 0;
        int count = 0;
        Instant last = Instant.parse(lastStartUtc);
        for (Instant start = Instant.parse(firstStartUtc); !start.isAfter(last);
                start = start.plus(1, ChronoUnit.HOURS)) {
            if (!gaps.contains(start)) {
                sum += aepValue(start);
                count++;
            }
        }
        return sum / count;
    }

    @Test
    void issueTimeAndHorizonForKnownRows() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // Delivery 2025-03-12 00:00 EDT: issued 2025-03-11 10:00 EDT, 15 hours before 01:00.
        Row midnightEdt = rows.get(Instant.parse("2025-03-12T04:00:00Z"));
        assertThat(instant(midnightEdt.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-11T14:00:00Z"));
        assertThat(midnightEdt.<Integer>getAs("horizon_hours")).isEqualTo(15);

        // Delivery 2025-03-11 23:00 EDT: issued 2025-03-10 10:00 EDT, 38 hours before its end.
        Row lastHour = rows.get(Instant.parse("2025-03-12T03:00:00Z"));
        assertThat(instant(lastHour.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-10T14:00:00Z"));
        assertThat(lastHour.<Integer>getAs("horizon_hours")).isEqualTo(38);

        // Delivery 2025-03-05 00:00 EST: issued 2025-03-04 10:00 EST.
        Row midnightEst = rows.get(Instant.parse("2025-03-05T05:00:00Z"));
        assertThat(instant(midnightEst.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-04T15:00:00Z"));
        assertThat(midnightEst.<Integer>getAs("horizon_hours")).isEqualTo(15);
    }

    @Test
    void issueTimeAndHorizonAcrossSpringForward() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // Delivery 2025-03-09 03:00 EDT, the hour after the gap: issued 2025-03-08 10:00 EST,
        // and the interval ends at 08:00Z, 17 hours later.
        Row afterGap = rows.get(Instant.parse("2025-03-09T07:00:00Z"));
        assertThat(instant(afterGap.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-08T15:00:00Z"));
        assertThat(afterGap.<Integer>getAs("horizon_hours")).isEqualTo(17);

        // Delivery 2025-03-10 00:00 EDT: issued 2025-03-09 10:00 EDT.
        Row nextDay = rows.get(Instant.parse("2025-03-10T04:00:00Z"));
        assertThat(instant(nextDay.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-09T14:00:00Z"));
        assertThat(nextDay.<Integer>getAs("horizon_hours")).isEqualTo(15);
    }

    @Test
    void oneDayLagOnlyBeforeIssueHour() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        for (Map.Entry<Instant, Row> entry : rows.entrySet()) {
            ZonedDateTime local = entry.getKey().atZone(NEW_YORK);
            Double lag = feature(entry.getValue(), "load_mw_lag_1d");
            if (local.getHour() >= 10) {
                assertThat(lag).as("lag_1d at %s", local).isNull();
                continue;
            }
            // Same local hour one day before, by the local clock.
            LocalDateTime dayBefore = local.toLocalDateTime().minusDays(1);
            Instant lagStart = dayBefore.atZone(NEW_YORK).toInstant();
            boolean skipped = NEW_YORK.getRules().getValidOffsets(dayBefore).isEmpty();
            if (skipped || lagStart.isBefore(FIRST_START)) {
                assertThat(lag).as("lag_1d at %s", local).isNull();
            } else {
                assertThat(lag).as("lag_1d at %s", local).isEqualTo(aepValue(lagStart));
            }
        }
    }

    @Test
    void oneDayLagAtKnownHours() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // 2025-03-12 09:00 EDT reads 2025-03-11 09:00 EDT, which ends exactly at issue time.
        assertThat(feature(rows.get(Instant.parse("2025-03-12T13:00:00Z")), "load_mw_lag_1d"))
                .isEqualTo(aepValue("2025-03-11T13:00:00Z"));
        // 2025-03-12 10:00 EDT would read an hour that ends after issue time.
        assertThat(feature(rows.get(Instant.parse("2025-03-12T14:00:00Z")), "load_mw_lag_1d"))
                .isNull();
        // 2025-03-10 01:00 EDT reads 2025-03-09 01:00 EST, 23 elapsed hours earlier.
        assertThat(feature(rows.get(Instant.parse("2025-03-10T05:00:00Z")), "load_mw_lag_1d"))
                .isEqualTo(aepValue("2025-03-09T06:00:00Z"));
        // 2025-03-10 02:00 EDT points at 2025-03-09 02:00, which the clocks skipped.
        assertThat(feature(rows.get(Instant.parse("2025-03-10T06:00:00Z")), "load_mw_lag_1d"))
                .isNull();
        // 2025-03-10 03:00 EDT reads 2025-03-09 03:00 EDT, 24 elapsed hours earlier.
        assertThat(feature(rows.get(Instant.parse("2025-03-10T07:00:00Z")), "load_mw_lag_1d"))
                .isEqualTo(aepValue("2025-03-09T07:00:00Z"));
        // 2025-03-09 03:00 EDT reads 2025-03-08 03:00 EST, 23 elapsed hours earlier.
        assertThat(feature(rows.get(Instant.parse("2025-03-09T07:00:00Z")), "load_mw_lag_1d"))
                .isEqualTo(aepValue("2025-03-08T08:00:00Z"));
    }

    @Test
    void twoAndSevenDayLagsAtKnownHours() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // 2025-03-12 00:00 EDT reads 2025-03-10 00:00 EDT and 2025-03-05 00:00 EST.
        Row midnight = rows.get(Instant.parse("2025-03-12T04:00:00Z"));
        assertThat(feature(midnight, "load_mw_lag_2d")).isEqualTo(aepValue("2025-03-10T04:00:00Z"));
        assertThat(feature(midnight, "load_mw_lag_7d")).isEqualTo(aepValue("2025-03-05T05:00:00Z"));

        // 2025-03-12 16:00 EDT has no 1-day lag, but its 2-day lag ended before issue time.
        Row afternoon = rows.get(Instant.parse("2025-03-12T20:00:00Z"));
        assertThat(feature(afternoon, "load_mw_lag_1d")).isNull();
        assertThat(feature(afternoon, "load_mw_lag_2d"))
                .isEqualTo(aepValue("2025-03-10T20:00:00Z"));

        // 2025-03-11 02:00 EDT points two days back at the skipped 02:00 of 2025-03-09.
        Row twoAm = rows.get(Instant.parse("2025-03-11T06:00:00Z"));
        assertThat(feature(twoAm, "load_mw_lag_2d")).isNull();
        assertThat(feature(twoAm, "load_mw_lag_7d")).isEqualTo(aepValue("2025-03-04T07:00:00Z"));
    }

    @Test
    void twoDayLagPresentFromThirdDay() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");
        Instant skippedTarget = Instant.parse("2025-03-11T06:00:00Z");

        for (Map.Entry<Instant, Row> entry : rows.entrySet()) {
            ZonedDateTime local = entry.getKey().atZone(NEW_YORK);
            Double lag = feature(entry.getValue(), "load_mw_lag_2d");
            if (local.getDayOfMonth() < 3 || entry.getKey().equals(skippedTarget)) {
                assertThat(lag).as("lag_2d at %s", local).isNull();
            } else {
                assertThat(lag).as("lag_2d at %s", local).isNotNull();
            }
        }
    }

    @Test
    void latestSameHourPicksLastEndedDay() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // 09:00 EDT on 2025-03-12 ended on the day before by issue time.
        assertThat(feature(rows.get(Instant.parse("2025-03-12T13:00:00Z")),
                "load_mw_latest_same_hour")).isEqualTo(aepValue("2025-03-11T13:00:00Z"));
        // 10:00 EDT had not, so it comes from 2025-03-10.
        assertThat(feature(rows.get(Instant.parse("2025-03-12T14:00:00Z")),
                "load_mw_latest_same_hour")).isEqualTo(aepValue("2025-03-10T14:00:00Z"));
        // 02:00 on 2025-03-10: the day before skipped 02:00, so it comes from 02:00 EST on 03-08.
        assertThat(feature(rows.get(Instant.parse("2025-03-10T06:00:00Z")),
                "load_mw_latest_same_hour")).isEqualTo(aepValue("2025-03-08T07:00:00Z"));
    }

    @Test
    void meansAndAtIssueEndAtIssue() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");
        Set<Instant> noGaps = Set.of();

        // Delivery 2025-03-12: issued 2025-03-11 14:00Z, so the last interval starts at 13:00Z.
        for (String start : List.of("2025-03-12T04:00:00Z", "2025-03-13T03:00:00Z")) {
            Row row = rows.get(Instant.parse(start));
            assertThat(feature(row, "load_mw_at_issue")).as("at_issue of %s", start)
                    .isEqualTo(aepValue("2025-03-11T13:00:00Z"));
            assertThat(feature(row, "load_mw_mean_24h")).as("mean_24h of %s", start)
                    .isEqualTo(aepMean("2025-03-10T14:00:00Z", "2025-03-11T13:00:00Z", noGaps));
            assertThat(feature(row, "load_mw_mean_168h")).as("mean_168h of %s", start)
                    .isEqualTo(aepMean("2025-03-04T14:00:00Z", "2025-03-11T13:00:00Z", noGaps));
        }
        // Consecutive values: the 24-hour mean is the first value plus 11.5.
        assertThat(feature(rows.get(Instant.parse("2025-03-12T04:00:00Z")), "load_mw_mean_24h"))
                .isEqualTo(aepValue("2025-03-10T14:00:00Z") + 11.5);
    }

    @Test
    void meansAtStartOfHistoryUsePresentRows() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "AEP");

        // Delivery 2025-03-02 is issued at 2025-03-01 15:00Z, after only 05:00Z to 14:00Z ended.
        Row secondDay = rows.get(Instant.parse("2025-03-02T05:00:00Z"));
        double firstTen = aepMean("2025-03-01T05:00:00Z", "2025-03-01T14:00:00Z", Set.of());
        assertThat(feature(secondDay, "load_mw_mean_24h")).isEqualTo(firstTen);
        assertThat(feature(secondDay, "load_mw_mean_168h")).isEqualTo(firstTen);

        // Delivery 2025-03-01 is issued before the first interval, so its lags and means are null.
        Row firstDay = rows.get(FIRST_START);
        assertThat(feature(firstDay, "load_mw_at_issue")).isNull();
        assertThat(feature(firstDay, "load_mw_mean_24h")).isNull();
        assertThat(feature(firstDay, "load_mw_mean_168h")).isNull();
        assertThat(feature(firstDay, "load_mw_latest_same_hour")).isNull();
    }

    @Test
    void seriesDoNotMix() {
        Map<Instant, Row> rows = transformZone(new HorizonSafeLags(), hourlyRows(), "DOM");

        Row row = rows.get(Instant.parse("2025-03-12T04:00:00Z"));
        assertThat(feature(row, "load_mw_lag_1d"))
                .isEqualTo(aepValue("2025-03-11T04:00:00Z") + DOM_OFFSET);
        assertThat(feature(row, "load_mw_at_issue"))
                .isEqualTo(aepValue("2025-03-11T13:00:00Z") + DOM_OFFSET);
        assertThat(feature(row, "load_mw_mean_24h")).isEqualTo(
                aepMean("2025-03-10T14:00:00Z", "2025-03-11T13:00:00Z", Set.of()) + DOM_OFFSET);
    }

    @Test
    void changedIntervalNeverReachesEarlierIssues() {
        HorizonSafeLags lags = new HorizonSafeLags();
        List<Row> original = hourlyRows();
        Map<Instant, Row> before = transformZone(lags, original, "AEP");
        List<String> features = lags.valueFeatureColumns();

        // Intervals that end at an issue time, start at one, and cross the DST change.
        List<Instant> changed = List.of(Instant.parse("2025-03-11T13:00:00Z"),
                Instant.parse("2025-03-11T14:00:00Z"), Instant.parse("2025-03-09T06:00:00Z"),
                Instant.parse("2025-03-15T03:00:00Z"));
        for (Instant start : changed) {
            List<Row> modified = withoutAep(original, Set.of(start));
            modified.add(loadRow("AEP", start, -1.0));
            Map<Instant, Row> after = transformZone(lags, modified, "AEP");

            boolean anyLaterRowChanged = false;
            for (Map.Entry<Instant, Row> entry : before.entrySet()) {
                Row old = entry.getValue();
                Row recomputed = after.get(entry.getKey());
                Instant issuedAt = instant(old.getAs("issued_at_utc"));
                for (String column : features) {
                    boolean same = Objects.equals(feature(old, column),
                            feature(recomputed, column));
                    if (issuedAt.isBefore(start.plus(1, ChronoUnit.HOURS))) {
                        assertThat(same).as("%s of %s after changing %s", column,
                                entry.getKey(), start).isTrue();
                    } else {
                        anyLaterRowChanged |= !same;
                    }
                }
            }
            assertThat(anyLaterRowChanged).as("some feature reads %s", start).isTrue();
        }
    }

    @Test
    void gapsLeaveNullLagsAndPartialMeans() {
        Set<Instant> gaps = Set.of(Instant.parse("2025-03-11T13:00:00Z"),
                Instant.parse("2025-03-11T05:00:00Z"));
        List<Row> withGaps = withoutAep(hourlyRows(), gaps);
        HorizonSafeLags lags = new HorizonSafeLags();

        assertThat(lags.transform(frame(withGaps)).count()).isEqualTo(2L * HOURS_PER_ZONE - 2);
        Map<Instant, Row> rows = transformZone(lags, withGaps, "AEP");

        // Delivery 2025-03-12: the interval ending at issue time is missing.
        Row midnight = rows.get(Instant.parse("2025-03-12T04:00:00Z"));
        assertThat(feature(midnight, "load_mw_at_issue")).isNull();
        assertThat(feature(midnight, "load_mw_mean_24h"))
                .isEqualTo(aepMean("2025-03-10T14:00:00Z", "2025-03-11T13:00:00Z", gaps));
        assertThat(feature(midnight, "load_mw_mean_168h"))
                .isEqualTo(aepMean("2025-03-04T14:00:00Z", "2025-03-11T13:00:00Z", gaps));

        // 2025-03-12 01:00 EDT reads the missing 01:00 EDT of 2025-03-11 and does not fall
        // back to an older day.
        Row oneAm = rows.get(Instant.parse("2025-03-12T05:00:00Z"));
        assertThat(feature(oneAm, "load_mw_lag_1d")).isNull();
        assertThat(feature(oneAm, "load_mw_latest_same_hour")).isNull();
        assertThat(feature(oneAm, "load_mw_lag_2d")).isEqualTo(aepValue("2025-03-10T05:00:00Z"));

        assertThat(feature(rows.get(Instant.parse("2025-03-12T13:00:00Z")), "load_mw_lag_1d"))
                .isNull();
        assertThat(feature(rows.get(Instant.parse("2025-03-18T05:00:00Z")), "load_mw_lag_7d"))
                .isNull();
    }

    @Test
    void duplicateIntervalCountsAsMissing() {
        List<Row> rows = hourlyRows();
        Instant duplicated = Instant.parse("2025-03-11T13:00:00Z");
        rows.add(loadRow("AEP", duplicated, 5.0));
        HorizonSafeLags lags = new HorizonSafeLags();

        assertThat(lags.transform(frame(rows)).count()).isEqualTo(2L * HOURS_PER_ZONE + 1);
        Map<Instant, Row> byStart = transformZone(lags, rows, "AEP");
        assertThat(feature(byStart.get(Instant.parse("2025-03-12T04:00:00Z")),
                "load_mw_at_issue")).isNull();
    }

    @Test
    void rowOrderDoesNotChangeResult() {
        HorizonSafeLags lags = new HorizonSafeLags();
        Dataset<Row> input = frame(hourlyRows());
        Dataset<Row> shuffled = input.orderBy(rand(7)).repartition(3);

        List<Row> expected = lags.transform(input).orderBy("zone", TIME).collectAsList();
        List<Row> actual = lags.transform(shuffled).orderBy("zone", TIME).collectAsList();

        assertThat(actual).hasSize(2 * HOURS_PER_ZONE);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void issueAtMidnightLeavesNoOneDayLag() {
        HorizonSafeLags lags = new HorizonSafeLags().setIssueHourLocal(0);
        Map<Instant, Row> rows = transformZone(lags, hourlyRows(), "AEP");

        // Delivery 2025-03-12 00:00 EDT: issued 2025-03-11 00:00 EDT, 25 hours before 01:00.
        Row midnight = rows.get(Instant.parse("2025-03-12T04:00:00Z"));
        assertThat(instant(midnight.getAs("issued_at_utc")))
                .isEqualTo(Instant.parse("2025-03-11T04:00:00Z"));
        assertThat(midnight.<Integer>getAs("horizon_hours")).isEqualTo(25);
        assertThat(feature(midnight, "load_mw_at_issue"))
                .isEqualTo(aepValue("2025-03-11T03:00:00Z"));
        assertThat(feature(midnight, "load_mw_latest_same_hour"))
                .isEqualTo(aepValue("2025-03-10T04:00:00Z"));
        assertThat(rows.values()).allSatisfy(
                row -> assertThat(feature(row, "load_mw_lag_1d")).isNull());
    }

    @Test
    void resultIgnoresSessionTimeZone() {
        HorizonSafeLags lags = new HorizonSafeLags();
        Dataset<Row> input = frame(hourlyRows());
        List<Row> inUtc = lags.transform(input).orderBy("zone", TIME).collectAsList();

        String sessionZone = spark.conf().get("spark.sql.session.timeZone");
        try {
            spark.conf().set("spark.sql.session.timeZone", "Asia/Kolkata");
            List<Row> inKolkata = lags.transform(input).orderBy("zone", TIME).collectAsList();
            assertThat(inKolkata).isEqualTo(inUtc);
        } finally {
            spark.conf().set("spark.sql.session.timeZone", sessionZone);
        }
    }

    @Test
    void outputSchemaMatchesTransformSchema() {
        HorizonSafeLags lags = new HorizonSafeLags();
        Dataset<Row> input = frame(hourlyRows());

        StructType expected = lags.transformSchema(input.schema());
        StructType actual = lags.transform(input).schema();

        assertThat(actual.fieldNames()).containsExactly("iso", "zone", TIME, "load_mw",
                "issued_at_utc", "horizon_hours", "load_mw_lag_1d", "load_mw_lag_2d",
                "load_mw_lag_7d", "load_mw_latest_same_hour", "load_mw_at_issue",
                "load_mw_mean_24h", "load_mw_mean_168h");
        assertThat(expected.fieldNames()).containsExactly(actual.fieldNames());
        for (StructField field : expected.fields()) {
            assertThat(actual.apply(field.name()).dataType()).as(field.name())
                    .isEqualTo(field.dataType());
        }
    }

    @Test
    void missingValueColumnIsNamed() {
        HorizonSafeLags lags = new HorizonSafeLags().setValueCol("price_usd_per_mwh");

        assertThatThrownBy(() -> lags.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing input column: price_usd_per_mwh");
    }

    @Test
    void nonNumericValueColumnIsNamed() {
        HorizonSafeLags lags = new HorizonSafeLags().setValueCol("zone");

        assertThatThrownBy(() -> lags.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid type of input column zone: string");
    }

    @Test
    void nonTimestampTimeColumnIsNamed() {
        HorizonSafeLags lags = new HorizonSafeLags().setTimeCol("load_mw");

        assertThatThrownBy(() -> lags.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid type of input column load_mw: double");
    }

    @Test
    void missingSeriesColumnIsNamed() {
        HorizonSafeLags lags = new HorizonSafeLags().setSeriesCols("iso", "settlement_point");

        assertThatThrownBy(() -> lags.transformSchema(SCHEMA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing input column: settlement_point");
    }

    @Test
    void existingOutputColumnIsNamed() {
        StructType withLag = SCHEMA.add("load_mw_lag_7d", DataTypes.DoubleType, true);

        assertThatThrownBy(() -> new HorizonSafeLags().transformSchema(withLag))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Output column already exists in the input: load_mw_lag_7d");
    }

    @Test
    void invalidParamsAreRejected() {
        assertThatThrownBy(() -> new HorizonSafeLags().setIssueHourLocal(24))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("issueHourLocal");
        assertThatThrownBy(() -> new HorizonSafeLags().setLagDays(1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid lagDays: [1, 1]");
        assertThatThrownBy(() -> new HorizonSafeLags().setRollingMeanHours(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid rollingMeanHours: [0]");
        assertThatThrownBy(() -> new HorizonSafeLags().setTimeZone("EST/EDT"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EST/EDT");
    }

    @Test
    void pipelineModelRoundTripKeepsParamsAndOutput(@TempDir Path folder) throws IOException {
        Dataset<Row> input = frame(hourlyRows());
        HorizonSafeLags lags = new HorizonSafeLags().setIssueHourLocal(9).setLagDays(1, 3)
                .setRollingMeanHours(6).setTimeZone("America/Chicago");
        PipelineModel model = new Pipeline().setStages(new PipelineStage[] {lags}).fit(input);
        String path = folder.resolve("lags-model").toString();

        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);

        HorizonSafeLags loadedLags = (HorizonSafeLags) loaded.stages()[0];
        assertThat(loadedLags.getIssueHourLocal()).isEqualTo(9);
        assertThat(loadedLags.getLagDays()).containsExactly(1, 3);
        assertThat(loadedLags.getRollingMeanHours()).containsExactly(6);
        assertThat(loadedLags.getTimeZone()).isEqualTo("America/Chicago");
        assertThat(loadedLags.getSeriesCols()).containsExactly("iso", "zone");
        assertThat(loaded.transform(input).orderBy("zone", TIME).collectAsList())
                .isEqualTo(model.transform(input).orderBy("zone", TIME).collectAsList());
    }
}
