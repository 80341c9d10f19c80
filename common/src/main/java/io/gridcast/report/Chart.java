package io.gridcast.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * A chart drawn as a PNG image.
 *
 * @param title text that describes the chart, used as the image's alternative text
 * @param png the PNG file's bytes
 * @param widthPx image width in pixels
 * @param heightPx image height in pixels
 */
public record Chart(String title, byte[] png, int widthPx, int heightPx) {

    public Chart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(png, "png");
        if (widthPx <= 0 || heightPx <= 0) {
            throw new IllegalArgumentException("Invalid chart size: " + widthPx + " x "
                    + heightPx + " px (expected positive)");
        }
    }

    /** Draws {@code chart} as a PNG of the given size, with its title as the alternative text. */
    public static Chart render(JFreeChart chart, int widthPx, int heightPx) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart, widthPx, heightPx);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot draw chart " + titleOf(chart), e);
        }
        return new Chart(titleOf(chart), png.toByteArray(), widthPx, heightPx);
    }

    private static String titleOf(JFreeChart chart) {
        return chart.getTitle() == null ? "chart" : chart.getTitle().getText();
    }
}
