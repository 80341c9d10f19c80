package io.gridcast.price;

import io.gridcast.report.Chart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.Hour;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecast-versus-actual charts of a price run, as PNG files: every hour of one fortnight,
 * and the daily mean price of the last year of the test period. Drawn with JFreeChart.
 */
final class PricePlots {

    static final int FORTNIGHT_DAYS = 14;
    static final int YEAR_DAYS = 364;
    private static final int WIDTH_PX = 1400;
    private static final int HEIGHT_PX = 600;
    private static final Color[] MODEL_COLOURS = {new Color(0x88, 0x88, 0x88),
        new Color(0x1f, 0x77, 0xb4), new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c),
        new Color(0x94, 0x67, 0xbd)};

    /** Prices are labelled by market wall-clock time: place and label them without a shift. */
    private static final TimeZone WALL_CLOCK = TimeZone.getTimeZone(ZoneOffset.UTC);

    private static final Logger LOG = LoggerFactory.getLogger(PricePlots.class);

    private final Configuration hadoop;

    PricePlots(Configuration hadoop) {
        this.hadoop = hadoop;
    }

    /**
     * Writes both charts under {@code folderUri} as PNG files and returns each chart by the
     * URI of its file, in drawing order.
     *
     * @param fortnightStart first day of the fortnight, or null for the fortnight that
     *     centres on the test period's highest price
     */
    Map<String, Chart> draw(String folderUri, PriceDays days, int firstTestDay,
            Map<String, double[][]> forecasts, String currency, LocalDate fortnightStart) {
        int testDays = forecasts.values().iterator().next().length;
        if (fortnightStart != null && (days.dayOf(fortnightStart) < firstTestDay
                || days.dayOf(fortnightStart) >= firstTestDay + testDays)) {
            LOG.warn("Fortnight start {} lies outside the test period {} to {}: charting the "
                    + "nearest fortnight of the test period instead", fortnightStart,
                    days.date(firstTestDay), days.date(firstTestDay + testDays - 1));
        }
        int fortnightFirst = fortnightStart == null
                ? aroundHighestPrice(days, firstTestDay, testDays)
                : Math.max(firstTestDay, Math.min(days.dayOf(fortnightStart),
                        firstTestDay + testDays - FORTNIGHT_DAYS));
        int fortnightDays = Math.min(FORTNIGHT_DAYS, testDays);
        int yearFirst = firstTestDay + Math.max(0, testDays - YEAR_DAYS);
        String market = days.market();
        Map<String, Chart> written = new LinkedHashMap<>();
        save(written, hourly(days, firstTestDay, forecasts, fortnightFirst, fortnightDays,
                "Day-ahead prices, " + market + ", " + days.date(fortnightFirst) + " to "
                        + days.date(fortnightFirst + fortnightDays - 1), currency),
                folderUri + "/price-forecast-fortnight.png");
        save(written, dailyMeans(days, firstTestDay, forecasts, yearFirst,
                firstTestDay + testDays - yearFirst, "Daily mean day-ahead price, " + market
                        + ", " + days.date(yearFirst) + " to "
                        + days.date(firstTestDay + testDays - 1), currency),
                folderUri + "/price-forecast-year.png");
        return written;
    }

    private static int aroundHighestPrice(PriceDays days, int firstTestDay, int testDays) {
        int peakDay = firstTestDay;
        double peak = Double.NEGATIVE_INFINITY;
        for (int day = firstTestDay; day < firstTestDay + testDays; day++) {
            for (double price : days.pricePerMwh()[day]) {
                if (price > peak) {
                    peak = price;
                    peakDay = day;
                }
            }
        }
        int start = peakDay - FORTNIGHT_DAYS / 2;
        return Math.max(firstTestDay, Math.min(start, firstTestDay + testDays - FORTNIGHT_DAYS));
    }

    private static JFreeChart hourly(PriceDays days, int firstTestDay,
            Map<String, double[][]> forecasts, int from, int count, String title,
            String currency) {
        List<TimeSeries> series = new ArrayList<>();
        series.add(hourlySeries("actual", days, days.pricePerMwh(), 0, from, count));
        forecasts.forEach((model, byDay) ->
                series.add(hourlySeries(model, days, byDay, firstTestDay, from, count)));
        return chart(title, "delivery hour", currency, series);
    }

    private static TimeSeries hourlySeries(String name, PriceDays days, double[][] byDay,
            int offsetDay, int from, int count) {
        TimeSeries series = new TimeSeries(name);
        for (int day = from; day < from + count; day++) {
            Day date = dayOf(days.date(day));
            for (int hour = 0; hour < PriceDays.HOURS; hour++) {
                series.add(new Hour(hour, date), byDay[day - offsetDay][hour]);
            }
        }
        return series;
    }

    private static Day dayOf(LocalDate date) {
        return new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    private static JFreeChart dailyMeans(PriceDays days, int firstTestDay,
            Map<String, double[][]> forecasts, int from, int count, String title,
            String currency) {
        List<TimeSeries> series = new ArrayList<>();
        series.add(dailySeries("actual", days, days.pricePerMwh(), 0, from, count));
        forecasts.forEach((model, byDay) ->
                series.add(dailySeries(model, days, byDay, firstTestDay, from, count)));
        return chart(title, "delivery day", currency, series);
    }

    private static TimeSeries dailySeries(String name, PriceDays days, double[][] byDay,
            int offsetDay, int from, int count) {
        TimeSeries series = new TimeSeries(name);
        for (int day = from; day < from + count; day++) {
            double sum = 0.0;
            for (double price : byDay[day - offsetDay]) {
                sum += price;
            }
            series.add(dayOf(days.date(day)), sum / PriceDays.HOURS);
        }
        return series;
    }

    /** Draws the actual prices (first series) in black and each model in its own colour. */
    private static JFreeChart chart(String title, String timeAxis, String currency,
            List<TimeSeries> series) {
        TimeSeriesCollection collection = new TimeSeriesCollection(WALL_CLOCK);
        series.forEach(collection::addSeries);
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, timeAxis,
                currency + "/MWh", collection);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(WALL_CLOCK);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Color.BLACK);
        renderer.setSeriesStroke(0, new BasicStroke(2.2f));
        for (int model = 1; model < series.size(); model++) {
            renderer.setSeriesPaint(model, MODEL_COLOURS[(model - 1) % MODEL_COLOURS.length]);
            renderer.setSeriesStroke(model, new BasicStroke(1.2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    private void save(Map<String, Chart> written, JFreeChart chart, String uri) {
        Chart drawn = Chart.render(chart, WIDTH_PX, HEIGHT_PX);
        Path path = new Path(uri);
        try {
            FileSystem fs = path.getFileSystem(hadoop);
            try (OutputStream out = fs.create(path, true)) {
                out.write(drawn.png());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write chart " + uri, e);
        }
        written.put(uri, drawn);
    }
}
