package io.gridcast.features;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.timestamp_seconds;
import static org.apache.spark.sql.functions.unix_seconds;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * Adds lag features of hourly series for a day-ahead forecast, so that a feature uses only
 * intervals that ended by the issue time.
 *
 * <p>Each input row is one hourly interval of one series, keyed by the series columns and the
 * interval start. Its delivery date D is the local date of the interval start, and the forecast
 * for D is issued at I, local time {@code issueHourLocal}:00 on D - 1, converted to UTC. A
 * feature reads only intervals whose end (start + 1 hour) is at or before I. The input
 * DataFrame is also the history that the features read, and the output has exactly the input
 * rows, whatever their order. With {@code valueCol = load_mw} the added columns are:
 *
 * <ul>
 *   <li>{@code issued_at_utc} (timestamp): I.
 *   <li>{@code horizon_hours} (int): whole hours from I to the interval end.
 *   <li>{@code load_mw_lag_<k>d} (double), for each k in {@code lagDays}: the value at the same
 *       local hour k days before, or null if that interval had not ended by I. With issue hour
 *       10, the 1-day lag is null for local hours 10 to 23.
 *   <li>{@code load_mw_latest_same_hour} (double): the value at the same local hour on D - 1 if
 *       that interval ended by I, otherwise on D - 2.
 *   <li>{@code load_mw_at_issue} (double): the value of the interval that ended at I.
 *   <li>{@code load_mw_mean_<h>h} (double), for each h in {@code rollingMeanHours}: the mean of
 *       the values of the intervals that ended in (I - h hours, I], counting elapsed hours. It
 *       averages the intervals present and is null when none is.
 * </ul>
 *
 * <p>Rows may have gaps. A lag, {@code latest_same_hour} or {@code at_issue} is null when the
 * interval it reads is missing or has a null value, and {@code latest_same_hour} then does not
 * fall back to an older day. When the input contains more than one row for a series and
 * interval start, that interval counts as missing.
 *
 * <p>The rule holds across daylight saving changes: "same local hour k days before" is local
 * wall-clock arithmetic, and the ended-by-I check compares UTC instants, so a lag may span 23 or
 * 25 elapsed hours. A lag that points at the local hour skipped when clocks spring forward
 * (02:00) is null, not shifted, and {@code latest_same_hour} then reads D - 2. A lag that points
 * at the local hour that occurs twice when clocks fall back (01:00) reads its first occurrence.
 *
 * <p>The features are built from joins and windows over the input, with no UDF, and do not
 * depend on {@code spark.sql.session.timeZone}.
 */
public class HorizonSafeLags extends Transformer implements DefaultParamsWritable {

    public static final String ISSUED_AT_UTC = "issued_at_utc";
    public static final String HORIZON_HOURS = "horizon_hours";

    /** Prefix of intermediate column names, which input columns must not use. */
    static final String INTERMEDIATE_PREFIX = "__horizon_safe_lags_";

    private static final String WALL_CLOCK = INTERMEDIATE_PREFIX + "wall_clock_seconds";
    private static final String KEY = INTERMEDIATE_PREFIX + "key";
    private static final String HISTORY_START = INTERMEDIATE_PREFIX + "history_start";
    private static final String HISTORY_VALUE = INTERMEDIATE_PREFIX + "history_value";
    private static final String IS_PROBE = INTERMEDIATE_PREFIX + "is_probe";

    private final String uid;
    private final Param<String> timeCol;
    private final Param<String> valueCol;
    private final StringArrayParam seriesCols;
    private final Param<String> timeZone;
    private final IntParam issueHourLocal;
    private final IntArrayParam lagDays;
    private final IntArrayParam rollingMeanHours;

    public HorizonSafeLags() {
        this(Identifiable.randomUID("horizonSafeLags"));
    }

    public HorizonSafeLags(String uid) {
        this.uid = uid;
        this.timeCol = new Param<>(this, "timeCol",
                "input column of interval start instants, of type timestamp");
        this.valueCol = new Param<>(this, "valueCol",
                "numeric input column of the series value, such as load in MW");
        this.seriesCols = new StringArrayParam(this, "seriesCols",
                "input columns that identify one series, or none for a single series");
        this.timeZone = new Param<>(this, "timeZone",
                "IANA time zone id of market local time, such as America/New_York",
                (Function1<String, Object> & Serializable) WallClock::isRegionZoneId);
        this.issueHourLocal = new IntParam(this, "issueHourLocal",
                "local hour (0 to 23) of the day before delivery at which the forecast is issued",
                ParamValidators.inRange(0, 23));
        this.lagDays = new IntArrayParam(this, "lagDays",
                "distinct lags in days (at least 1) of the same-local-hour lag columns",
                (Function1<int[], Object> & Serializable) days -> requireDistinctPositive(
                        "lagDays", days));
        this.rollingMeanHours = new IntArrayParam(this, "rollingMeanHours",
                "distinct window lengths in hours (at least 1) of the means ending at issue time",
                (Function1<int[], Object> & Serializable) hours -> requireDistinctPositive(
                        "rollingMeanHours", hours));
        setDefaults();
    }

    private void setDefaults() {
        setDefault(timeCol, "interval_start_utc");
        setDefault(valueCol, "load_mw");
        setDefault(seriesCols, new String[] {"iso", "zone"});
        setDefault(timeZone, "America/New_York");
        setDefault(issueHourLocal, 10);
        setDefault(lagDays, new int[] {1, 2, 7});
        setDefault(rollingMeanHours, new int[] {24, 168});
    }

    /** Loads a transformer saved with {@code write().save(path)}. */
    public static HorizonSafeLags load(String path) {
        return read().load(path);
    }

    /** Returns the reader that {@code PipelineModel.load} calls for this stage. */
    public static MLReader<HorizonSafeLags> read() {
        return new DefaultParamsReader<>();
    }

    /** Input column of interval start instants (timestamp). Default: interval_start_utc. */
    public Param<String> timeCol() {
        return timeCol;
    }

    /** Numeric input column of the series value. Default: load_mw. */
    public Param<String> valueCol() {
        return valueCol;
    }

    /** Input columns that identify one series. Default: iso, zone. */
    public StringArrayParam seriesCols() {
        return seriesCols;
    }

    /** IANA id of the market's time zone. Default: America/New_York. */
    public Param<String> timeZone() {
        return timeZone;
    }

    /**
     * Local hour, 0 to 23, of the day before delivery at which the forecast is issued.
     * Default: 10. An hour skipped when clocks spring forward means the hour after the gap.
     */
    public IntParam issueHourLocal() {
        return issueHourLocal;
    }

    /** Lags in days of the same-local-hour lag columns. Default: 1, 2, 7. */
    public IntArrayParam lagDays() {
        return lagDays;
    }

    /** Lengths in hours of the trailing means that end at the issue time. Default: 24, 168. */
    public IntArrayParam rollingMeanHours() {
        return rollingMeanHours;
    }

    public String getTimeCol() {
        return getOrDefault(timeCol);
    }

    public HorizonSafeLags setTimeCol(String value) {
        set(timeCol, value);
        return this;
    }

    public String getValueCol() {
        return getOrDefault(valueCol);
    }

    public HorizonSafeLags setValueCol(String value) {
        set(valueCol, value);
        return this;
    }

    public String[] getSeriesCols() {
        return getOrDefault(seriesCols).clone();
    }

    public HorizonSafeLags setSeriesCols(String... value) {
        set(seriesCols, value.clone());
        return this;
    }

    public String getTimeZone() {
        return getOrDefault(timeZone);
    }

    public HorizonSafeLags setTimeZone(String value) {
        set(timeZone, value);
        return this;
    }

    public int getIssueHourLocal() {
        return (Integer) getOrDefault(issueHourLocal);
    }

    public HorizonSafeLags setIssueHourLocal(int value) {
        set(issueHourLocal, value);
        return this;
    }

    public int[] getLagDays() {
        return getOrDefault(lagDays).clone();
    }

    public HorizonSafeLags setLagDays(int... value) {
        set(lagDays, value.clone());
        return this;
    }

    public int[] getRollingMeanHours() {
        return getOrDefault(rollingMeanHours).clone();
    }

    public HorizonSafeLags setRollingMeanHours(int... value) {
        set(rollingMeanHours, value.clone());
        return this;
    }

    /** Returns the name of the lag column for the given number of days. */
    public String lagColumn(int days) {
        return getValueCol() + "_lag_" + days + "d";
    }

    public String latestSameHourColumn() {
        return getValueCol() + "_latest_same_hour";
    }

    public String atIssueColumn() {
        return getValueCol() + "_at_issue";
    }

    /** Returns the name of the trailing mean column for the given window length. */
    public String meanColumn(int hours) {
        return getValueCol() + "_mean_" + hours + "h";
    }

    /** Lists the double columns this stage adds, in output order. */
    public List<String> valueFeatureColumns() {
        List<String> names = new ArrayList<>();
        for (int days : getLagDays()) {
            names.add(lagColumn(days));
        }
        names.add(latestSameHourColumn());
        names.add(atIssueColumn());
        for (int hours : getRollingMeanHours()) {
            names.add(meanColumn(hours));
        }
        return names;
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        requireInputColumns(schema);
        SchemaChecks.requireNewColumn(schema, ISSUED_AT_UTC);
        SchemaChecks.requireNewColumn(schema, HORIZON_HOURS);
        StructType output = schema
                .add(ISSUED_AT_UTC, DataTypes.TimestampType, true)
                .add(HORIZON_HOURS, DataTypes.IntegerType, true);
        for (String name : valueFeatureColumns()) {
            SchemaChecks.requireNewColumn(schema, name);
            output = output.add(name, DataTypes.DoubleType, true);
        }
        return output;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Dataset<Row> input = dataset.toDF();
        Dataset<Row> history = history(input);

        // Issue time and horizon of each row, from the local clock of its interval start.
        Dataset<Row> timed = input
                .withColumn(WALL_CLOCK, WallClock.wallClockSeconds(col(getTimeCol()),
                        getTimeZone()))
                .withColumn(ISSUED_AT_UTC, issueTime(col(WALL_CLOCK)))
                .withColumn(HORIZON_HOURS, horizonHours());

        // Each value feature reads one interval of the same series, or a window ending at I.
        Dataset<Row> output = timed;
        for (int days : getLagDays()) {
            output = joinValueAt(output, history, sameHourDaysBefore(days), lagColumn(days));
        }
        output = joinValueAt(output, history, latestSameHour(), latestSameHourColumn());
        output = joinValueAt(output, history, intervalEndingAtIssue(), atIssueColumn());
        output = joinOnSeriesAt(output, trailingMeans(timed, history), intervalEndingAtIssue());
        return output.drop(WALL_CLOCK);
    }

    @Override
    public HorizonSafeLags copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    private void requireInputColumns(StructType schema) {
        SchemaChecks.requireColumnOfType(schema, getTimeCol(), DataTypes.TimestampType);
        SchemaChecks.requireNumericColumn(schema, getValueCol());
        Set<String> seen = new HashSet<>(List.of(getTimeCol(), getValueCol()));
        for (String name : getSeriesCols()) {
            SchemaChecks.requireColumn(schema, name);
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Invalid series column: " + name
                        + " (it is repeated or is also the time or value column)");
            }
        }
        for (String name : schema.fieldNames()) {
            if (name.startsWith(INTERMEDIATE_PREFIX)) {
                throw new IllegalArgumentException("Invalid input column name: " + name
                        + " (the prefix " + INTERMEDIATE_PREFIX + " is reserved)");
            }
        }
    }

    /**
     * Returns one row per series and interval start with the value as a double, or a null
     * value when the input contains that interval more than once.
     */
    private Dataset<Row> history(Dataset<Row> input) {
        List<Column> keys = new ArrayList<>();
        String[] series = getSeriesCols();
        for (int i = 0; i < series.length; i++) {
            keys.add(col(series[i]).as(historySeriesColumn(i)));
        }
        keys.add(col(getTimeCol()).as(HISTORY_START));

        Column value = col(getValueCol()).cast("double");
        return input.where(col(getTimeCol()).isNotNull())
                .groupBy(keys.toArray(new Column[0]))
                .agg(when(count(lit(1)).equalTo(1), max(value)).as(HISTORY_VALUE));
    }

    /** Converts local issueHourLocal:00 on the day before delivery to a UTC instant. */
    private Column issueTime(Column wallClockSeconds) {
        Column issueWallClock = WallClock.startOfDay(wallClockSeconds)
                .minus(WallClock.SECONDS_PER_DAY)
                .plus(getIssueHourLocal() * WallClock.SECONDS_PER_HOUR);
        return WallClock.instantOfWallClock(issueWallClock, getTimeZone());
    }

    private Column horizonHours() {
        Column intervalEnd = unix_seconds(col(getTimeCol())).plus(WallClock.SECONDS_PER_HOUR);
        Column seconds = intervalEnd.minus(unix_seconds(col(ISSUED_AT_UTC)));
        return floor(seconds.divide(WallClock.SECONDS_PER_HOUR)).cast("int");
    }

    /** Returns the start of the same local hour k days before, if it exists and ended by I. */
    private Column sameHourDaysBefore(int days) {
        return startIfEndedByIssue(col(WALL_CLOCK).minus(days * WallClock.SECONDS_PER_DAY));
    }

    /** Returns the start of the same local hour on D - 1 if it ended by I, else on D - 2. */
    private Column latestSameHour() {
        return coalesce(sameHourDaysBefore(1), sameHourDaysBefore(2));
    }

    private Column intervalEndingAtIssue() {
        return timestamp_seconds(
                unix_seconds(col(ISSUED_AT_UTC)).minus(WallClock.SECONDS_PER_HOUR));
    }

    /**
     * Converts a local start time to a UTC instant, or null if the local time does not exist
     * (skipped when clocks spring forward) or the interval had not ended by the issue time.
     */
    private Column startIfEndedByIssue(Column wallClockSeconds) {
        Column start = WallClock.instantOfWallClock(wallClockSeconds, getTimeZone());
        Column exists = WallClock.wallClockSeconds(start, getTimeZone()).equalTo(wallClockSeconds);
        Column end = unix_seconds(start).plus(WallClock.SECONDS_PER_HOUR);
        Column endedByIssue = end.leq(unix_seconds(col(ISSUED_AT_UTC)));
        return when(exists.and(endedByIssue), start);
    }

    /** Adds the history value of the same series at the given start as a column. */
    private Dataset<Row> joinValueAt(Dataset<Row> left, Dataset<Row> history, Column start,
            String outputColumn) {
        return joinOnSeriesAt(left, history.withColumnRenamed(HISTORY_VALUE, outputColumn),
                start);
    }

    /**
     * Left-joins a table keyed by series and {@code HISTORY_START}, with at most one row per
     * key, at the given start, and drops the key columns. The left rows stay as they are.
     */
    private Dataset<Row> joinOnSeriesAt(Dataset<Row> left, Dataset<Row> keyedTable,
            Column start) {
        Dataset<Row> keyedLeft = left.withColumn(KEY, start);
        Column matches = col(KEY).equalTo(col(HISTORY_START));
        String[] series = getSeriesCols();
        for (int i = 0; i < series.length; i++) {
            matches = matches.and(col(series[i]).eqNullSafe(col(historySeriesColumn(i))));
        }

        Dataset<Row> joined = keyedLeft.join(keyedTable, matches, "left_outer");
        return joined.drop(historyKeyColumns()).drop(KEY);
    }

    /**
     * Computes, per series and issue time, the mean of each window of intervals that ended in
     * (I - h hours, I], keyed by the start of the interval ending at I.
     *
     * <p>Rows may have gaps, so the windows use a range over epoch seconds, never row offsets.
     * A probe row with a null value at each I - 1 hour anchors the window even when that
     * interval is missing, and the average ignores its null.
     */
    private Dataset<Row> trailingMeans(Dataset<Row> timed, Dataset<Row> history) {
        List<Column> probeColumns = new ArrayList<>();
        String[] series = getSeriesCols();
        for (int i = 0; i < series.length; i++) {
            probeColumns.add(col(series[i]).as(historySeriesColumn(i)));
        }
        probeColumns.add(intervalEndingAtIssue().as(HISTORY_START));
        Dataset<Row> probes = timed.select(probeColumns.toArray(new Column[0]))
                .where(col(HISTORY_START).isNotNull())
                .distinct()
                .withColumn(HISTORY_VALUE, lit(null).cast("double"))
                .withColumn(IS_PROBE, lit(true));
        Dataset<Row> points = history.withColumn(IS_PROBE, lit(false)).unionByName(probes);

        // A window over starts in (p - h hours, p] contains the intervals that ended in
        // (I - h hours, I] for the probe start p = I - 1 hour.
        WindowSpec bySeries = Window.partitionBy(historySeriesColumnRefs())
                .orderBy(unix_seconds(col(HISTORY_START)));
        for (int hours : getRollingMeanHours()) {
            long frameStart = -(hours * WallClock.SECONDS_PER_HOUR - 1);
            points = points.withColumn(meanColumn(hours),
                    avg(col(HISTORY_VALUE)).over(bySeries.rangeBetween(frameStart, 0)));
        }
        return points.where(col(IS_PROBE)).drop(HISTORY_VALUE, IS_PROBE);
    }

    private static String historySeriesColumn(int index) {
        return INTERMEDIATE_PREFIX + "series_" + index;
    }

    private Column[] historySeriesColumnRefs() {
        int count = getSeriesCols().length;
        Column[] columns = new Column[count];
        for (int i = 0; i < count; i++) {
            columns[i] = col(historySeriesColumn(i));
        }
        return columns;
    }

    private String[] historyKeyColumns() {
        int count = getSeriesCols().length;
        String[] names = new String[count + 1];
        for (int i = 0; i < count; i++) {
            names[i] = historySeriesColumn(i);
        }
        names[count] = HISTORY_START;
        return names;
    }

    private static boolean requireDistinctPositive(String param, int[] values) {
        boolean positive = Arrays.stream(values).allMatch(value -> value >= 1);
        boolean distinct = Arrays.stream(values).distinct().count() == values.length;
        if (!positive || !distinct) {
            throw new IllegalArgumentException("Invalid " + param + ": "
                    + Arrays.toString(values) + " (expected distinct values of at least 1)");
        }
        return true;
    }
}
