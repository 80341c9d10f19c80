package io.gridcast.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Line and bar charts in one style for run reports, drawn with JFreeChart. Series keep the
 * order of their map, and the n-th series of every chart gets the same colour.
 */
public final class ReportCharts {

    /** Width of report charts, in pixels. */
    public static final int WIDTH_PX = 1200;
    /** Height of report charts, in pixels. */
    public static final int HEIGHT_PX = 480;

    /** Maximum number of categories whose labels a bar chart draws. */
    public static final int LABELLED_CATEGORIES = 60;

    private static final Color[] COLOURS = {new Color(0x1f, 0x77, 0xb4),
        new Color(0xd6, 0x27, 0x28), new Color(0x2c, 0xa0, 0x2c), new Color(0x94, 0x67, 0xbd),
        new Color(0xff, 0x7f, 0x0e), new Color(0x8c, 0x56, 0x4b), new Color(0x88, 0x88, 0x88)};

    private ReportCharts() {
    }

    /** Returns the colour of the series at {@code index}, the same in every chart. */
    public static Color colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    /**
     * Draws measured values in black and each forecast in its own colour over time, with the
     * time axis labelled in {@code zone}.
     *
     * @param actual measured value by interval start, or an empty map for none
     * @param forecasts forecast value by interval start, per model
     */
    public static Chart timeSeries(String title, String valueAxis, ZoneId zone,
            Map<Instant, Double> actual, Map<String, Map<Instant, Double>> forecasts) {
        TimeZone timeZone = TimeZone.getTimeZone(zone);
        TimeSeriesCollection collection = new TimeSeriesCollection(timeZone);
        if (!actual.isEmpty()) {
            collection.addSeries(timeSeries("actual", actual));
        }
        forecasts.forEach((name, values) -> collection.addSeries(timeSeries(name, values)));
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title,
                "time (" + zone.getId() + ")", valueAxis, collection);
        XYPlot plot = chart.getXYPlot();
        ((DateAxis) plot.getDomainAxis()).setTimeZone(timeZone);
        plot.setRenderer(lineRenderer(!actual.isEmpty(), forecasts.size(), false));
        style(plot);
        keepFlatLinesReadable((NumberAxis) plot.getRangeAxis(), collection);
        return Chart.render(chart, WIDTH_PX, HEIGHT_PX);
    }

    /**
     * Widens the value axis of nearly flat series to a tenth of their largest magnitude, or to
     * 1 when all values are 0, so a constant line gets readable tick labels.
     */
    private static void keepFlatLinesReadable(NumberAxis axis, TimeSeriesCollection series) {
        double largest = 0;
        for (int s = 0; s < series.getSeriesCount(); s++) {
            for (int i = 0; i < series.getItemCount(s); i++) {
                double value = series.getYValue(s, i);
                largest = Double.isNaN(value) ? largest : Math.max(largest, Math.abs(value));
            }
        }
        axis.setAutoRangeMinimumSize(largest > 0 ? largest / 10 : 1);
    }

    private static TimeSeries timeSeries(String name, Map<Instant, Double> values) {
        TimeSeries series = new TimeSeries(name);
        values.forEach((start, value) ->
                series.addOrUpdate(new FixedMillisecond(Date.from(start)), value));
        return series;
    }

    /**
     * Draws one line per series over whole-number x values, such as hours of the day, with a
     * marker at each point.
     *
     * @param series y value by x value, per series
     */
    public static Chart lines(String title, String xAxis, String yAxis,
            Map<String, Map<Integer, Double>> series) {
        XYSeriesCollection collection = new XYSeriesCollection();
        series.forEach((name, values) -> {
            XYSeries line = new XYSeries(name);
            values.forEach(line::add);
            collection.addSeries(line);
        });
        JFreeChart chart = ChartFactory.createXYLineChart(title, xAxis, yAxis, collection,
                PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        ((NumberAxis) plot.getDomainAxis()).setStandardTickUnits(
                NumberAxis.createIntegerTickUnits());
        plot.setRenderer(lineRenderer(false, series.size(), true));
        style(plot);
        return Chart.render(chart, WIDTH_PX, HEIGHT_PX);
    }

    /**
     * Draws grouped bars: one group per category (such as a month), one bar per series.
     *
     * @param series value by category, per series. Categories show in the first series' order.
     */
    public static Chart bars(String title, String categoryAxis, String valueAxis,
            Map<String, Map<String, Double>> series) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        series.forEach((name, values) ->
                values.forEach((category, value) -> dataset.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, dataset);
        BarRenderer renderer = styleBars(chart.getCategoryPlot(), series.size());
        renderer.setItemMargin(0.05);
        return Chart.render(chart, WIDTH_PX, HEIGHT_PX);
    }

    /**
     * Draws one bar per category, in the map's order, and paints the categories in
     * {@code highlighted} in the second colour: for example LMPs by bus, with the buses at the
     * ends of congested branches highlighted. Category labels show only when there are at
     * most {@link #LABELLED_CATEGORIES}, so the category axis label should name their order.
     *
     * @param values value by category
     * @param highlighted categories drawn in the second colour, under {@code highlightedName}
     */
    public static Chart highlightedBars(String title, String categoryAxis, String valueAxis,
            Map<String, Double> values, Set<String> highlighted, String otherName,
            String highlightedName) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        values.forEach((category, value) -> {
            boolean marked = highlighted.contains(category);
            dataset.addValue(marked ? null : value, otherName, category);
            dataset.addValue(marked ? value : null, highlightedName, category);
        });
        JFreeChart chart = ChartFactory.createStackedBarChart(title, categoryAxis, valueAxis,
                dataset);
        CategoryPlot plot = chart.getCategoryPlot();
        styleBars(plot, 2);
        CategoryAxis axis = plot.getDomainAxis();
        axis.setCategoryMargin(values.size() > LABELLED_CATEGORIES ? 0 : 0.2);
        axis.setTickLabelsVisible(values.size() <= LABELLED_CATEGORIES);
        axis.setTickMarksVisible(values.size() <= LABELLED_CATEGORIES);
        if (values.size() > LABELLED_CATEGORIES / 2) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        }
        return Chart.render(chart, WIDTH_PX, HEIGHT_PX);
    }

    /** Draws flat bars in the series colours on a white plot, and returns the renderer. */
    private static BarRenderer styleBars(CategoryPlot plot, int seriesCount) {
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < seriesCount; i++) {
            renderer.setSeriesPaint(i, colour(i));
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return renderer;
    }

    private static XYLineAndShapeRenderer lineRenderer(boolean withActual, int forecasts,
            boolean markers) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, markers);
        int first = 0;
        if (withActual) {
            renderer.setSeriesPaint(0, Color.BLACK);
            renderer.setSeriesStroke(0, new BasicStroke(2.2f));
            first = 1;
        }
        for (int i = 0; i < forecasts; i++) {
            renderer.setSeriesPaint(first + i, colour(i));
            renderer.setSeriesStroke(first + i, new BasicStroke(1.3f));
        }
        return renderer;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    }
}
