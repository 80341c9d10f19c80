package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Coverage of one read, from one aggregation of its table rows by series and operating day:
 * the series and days a publish replaces, the first and last interval, the rows, and the
 * intervals missing from the days read.
 *
 * @param series distinct values of each series column
 * @param missingIntervals for each series and operating day with at least one row, the
 *     intervals of that day (23, 24 or 25 hours' worth in market-local time) minus those
 *     present. Days without any row for a series are not counted, since reports cover
 *     separate days and settlement points come and go
 */
record SeriesDays(Map<String, List<String>> series, List<String> operatingDates,
        Instant first, Instant last, long rows, long missingIntervals) {

    static SeriesDays of(Dataset<Row> tableRows, ReportIngest.Report report) {
        List<Column> groups = new ArrayList<>();
        report.seriesColumns().forEach(c -> groups.add(col(c).cast("string")));
        groups.add(col("operating_date"));
        List<Row> days = tableRows.groupBy(groups.toArray(Column[]::new))
                .agg(count(lit(1)).as("present"), min("interval_start_utc").as("first"),
                        max("interval_start_utc").as("last"))
                .collectAsList();
        return summarise(days, report);
    }

    private static SeriesDays summarise(List<Row> days, ReportIngest.Report report) {
        int seriesWidth = report.seriesColumns().size();
        List<TreeSet<String>> seriesValues = new ArrayList<>();
        report.seriesColumns().forEach(c -> seriesValues.add(new TreeSet<>()));
        TreeSet<LocalDate> dates = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        long rows = 0;
        long missing = 0;
        for (Row day : days) {
            for (int i = 0; i < seriesWidth; i++) {
                seriesValues.get(i).add(day.getString(i));
            }
            LocalDate date = day.getAs("operating_date");
            dates.add(date);
            long present = day.getAs("present");
            rows += present;
            missing += intervalsIn(date, report.marketZone(), report.intervalsPerHour()) - present;
            Instant dayFirst = day.getAs("first");
            Instant dayLast = day.getAs("last");
            first = first == null || dayFirst.isBefore(first) ? dayFirst : first;
            last = last == null || dayLast.isAfter(last) ? dayLast : last;
        }
        Map<String, List<String>> series = new LinkedHashMap<>();
        for (int i = 0; i < seriesWidth; i++) {
            series.put(report.seriesColumns().get(i), List.copyOf(seriesValues.get(i)));
        }
        return new SeriesDays(series, dates.stream().map(LocalDate::toString).toList(), first,
                last, rows, missing);
    }

    private static long intervalsIn(LocalDate date, ZoneId zone, int intervalsPerHour) {
        long hours = Duration.between(date.atStartOfDay(zone),
                date.plusDays(1).atStartOfDay(zone)).toHours();
        return hours * intervalsPerHour;
    }
}
