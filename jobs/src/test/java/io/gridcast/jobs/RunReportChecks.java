package io.gridcast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of a pipeline's HTML run report, shared by the pipeline tests. */
final class RunReportChecks {

    /** An attribute that would load or link to something outside the page. */
    private static final Pattern OUTSIDE_REFERENCE =
            Pattern.compile("(src|href|action|srcset)=\"(?!data:image/png;base64,|#)");

    private static final Pattern REPORT = Pattern.compile(" finished in .*; report (\\S+)$",
            Pattern.MULTILINE);

    private RunReportChecks() {
    }

    /** Returns the report location that the summary line in {@code output} names. */
    static String reportLocation(String output) {
        Matcher report = REPORT.matcher(output);
        assertThat(report.find()).as("summary line naming the report in:%n%s", output).isTrue();
        return report.group(1);
    }

    /**
     * Checks that {@code report} is the run's report under {@code <warehouse>/reports/<job>/},
     * names the run, has no script and loads nothing from outside the file.
     */
    static String checkFile(Path warehouse, String job, Path report) throws Exception {
        assertThat(report.getParent()).isEqualTo(warehouse.resolve("reports").resolve(job));
        String runId = report.getFileName().toString().replaceFirst("\\.html$", "");
        assertThat(runId).startsWith(job + "-");
        String html = Files.readString(report);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<td>" + runId + "</td>")
                .contains("Content-Security-Policy")
                .doesNotContain("<script", "<link", "<iframe", "<object", "url(");
        assertThat(OUTSIDE_REFERENCE.matcher(html).find()).as("reference outside the page")
                .isFalse();
        return html;
    }

    /**
     * Opens {@code report} in headless Chromium and checks that it loads without a console
     * message and shows {@code charts} images that decoded to {@code widthPx} wide pictures
     * with drawn content. Skipped when Chromium is not installed.
     */
    static void checkInChromium(Path report, String title, int charts, int widthPx)
            throws Exception {
        assumeTrue(HeadlessChromium.executable().isPresent(),
                "chromium is not installed (bin/install-test-tools installs it as root)");

        HeadlessChromium.Page page = HeadlessChromium.open(report);

        assertThat(page.errors()).isEmpty();
        assertThat(page.title()).isEqualTo(title);
        assertThat(page.scripts()).isZero();
        assertThat(page.console()).isEmpty();
        assertThat(page.images()).hasSize(charts);
        for (HeadlessChromium.Image image : page.images()) {
            assertThat(image.complete()).as(image.alt()).isTrue();
            assertThat(image.widthPx()).as(image.alt()).isEqualTo(widthPx);
            assertThat(image.heightPx()).as(image.alt()).isPositive();
            long pixels = (long) image.widthPx() * image.heightPx();
            // Axes, labels and lines cover a few percent of a chart, and a blank one covers none.
            assertThat(image.inkPixels()).as(image.alt()).isGreaterThan(pixels / 100)
                    .isLessThan(pixels * 9 / 10);
        }
    }
}
