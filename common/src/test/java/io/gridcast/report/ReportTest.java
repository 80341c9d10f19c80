package io.gridcast.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridcast.io.StorageException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class ReportTest {

    private static final String HOSTILE = "<script>alert('x')</script> & \"quoted\"";

    @Test
    void textIsEscapedEverywhere() {
        Report report = new Report("Run " + HOSTILE).field("input " + HOSTILE, HOSTILE);
        report.section("Section " + HOSTILE)
                .paragraph(HOSTILE)
                .fields(Map.of(HOSTILE, HOSTILE))
                .table(new Table("column " + HOSTILE).row(HOSTILE))
                .codeTable(new Table("raw line").row(HOSTILE))
                .preformatted(HOSTILE);

        String html = report.html();

        assertThat(html).doesNotContain("<script", "'x'", "\"quoted\"")
                .contains("<title>Run &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; "
                        + "&quot;quoted&quot;</title>");
    }

    @Test
    void escapeHandlesNullAndPlainText() {
        assertThat(Html.escape(null)).isEmpty();
        assertThat(Html.escape("MAE 2216.7 MW")).isEqualTo("MAE 2216.7 MW");
        assertThat(Html.escape("a<b>&'\"")).isEqualTo("a&lt;b&gt;&amp;&#39;&quot;");
    }

    @Test
    void pageLoadsNothingFromOutside() {
        String html = new Report("Empty run").html();

        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">")
                .contains("<meta charset=\"utf-8\">")
                .contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                        + "&#39;none&#39;; img-src data:; style-src &#39;unsafe-inline&#39;\">")
                .doesNotContain("<script", "<link", "src=", "href=");
    }

    @Test
    void chartEmbedsDecodablePng() throws Exception {
        Map<Instant, Double> actual = new TreeMap<>();
        Map<Instant, Double> forecast = new TreeMap<>();
        for (int hour = 0; hour < 48; hour++) {
            Instant start = Instant.parse("2024-03-09T00:00:00Z").plusSeconds(3600L * hour);
            actual.put(start, 100.0 + hour % 24);
            forecast.put(start, 98.0 + hour % 24);
        }
        Chart chart = ReportCharts.timeSeries("Load over the spring-forward night", "load MW",
                ZoneId.of("America/New_York"), actual, Map.of("model", forecast));
        Report report = new Report("Charts");
        report.section("Load").chart(chart);
        String html = report.html();

        Matcher image = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" "
                + "width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]*)\">").matcher(html);
        assertThat(image.find()).as(html).isTrue();
        byte[] png = Base64.getDecoder().decode(image.group(1));
        assertThat(png).isEqualTo(chart.png());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(decoded.getWidth()).isEqualTo(ReportCharts.WIDTH_PX)
                .isEqualTo(Integer.parseInt(image.group(2)));
        assertThat(decoded.getHeight()).isEqualTo(ReportCharts.HEIGHT_PX)
                .isEqualTo(Integer.parseInt(image.group(3)));
        assertThat(image.group(4)).isEqualTo("Load over the spring-forward night");
    }

    @Test
    void barsAndLinesRender() throws Exception {
        Map<String, Map<String, Double>> monthly = new LinkedHashMap<>();
        monthly.put("xgboost", Map.of("2018-06", 4.1));
        monthly.put("weekly-naive", Map.of("2018-06", 9.7));
        Map<String, Map<Integer, Double>> hourly = Map.of("xgboost", Map.of(1, 900.0, 2, 950.0));

        for (Chart chart : List.of(ReportCharts.bars("MAPE by month", "month", "MAPE %", monthly),
                ReportCharts.lines("MAE by hour", "hour ending", "MAE MW", hourly))) {
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(chart.png()));
            assertThat(decoded.getWidth()).as(chart.title()).isEqualTo(ReportCharts.WIDTH_PX);
        }
    }

    @Test
    void numericColumnsAlignRight() {
        Table table = new Table("model", "MAE MW", "note")
                .row("xgboost", "2216.7", "")
                .row("weekly-naive", "-3,582.0", "NaN")
                .row("naive", "n/a", "see log");

        Report report = new Report("Metrics");
        report.section("Test").table(table);
        String html = report.html();

        assertThat(table.isNumeric(0)).isFalse();
        assertThat(table.isNumeric(1)).isTrue();
        assertThat(table.isNumeric(2)).isFalse();
        assertThat(html).contains("<td>xgboost</td><td class=\"num\">2216.7</td><td></td>");
    }

    @Test
    void rowWidthMustMatchHeader() {
        Table table = new Table("model", "MAE MW");

        assertThatThrownBy(() -> table.row("xgboost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid table row: 1 cells for 2 columns [model, MAE MW]");
    }

    @Test
    void fieldKeepsPlaceWhenSetAgain() {
        String html = new Report("Run").field("run id", "r1").field("elapsed", "")
                .field("job", "j").field("elapsed", "12.5 s").html();

        assertThat(html).contains("<tr><th scope=\"row\">run id</th><td>r1</td></tr>\n"
                + "<tr><th scope=\"row\">elapsed</th><td>12.5 s</td></tr>\n"
                + "<tr><th scope=\"row\">job</th><td>j</td></tr>");
    }

    @Test
    void storeWritesRunAndLatest() throws Exception {
        Path warehouse = Files.createTempDirectory("report-store");
        Report report = new Report("Stored run");

        String uri = ReportStore.write(report, warehouse.toUri().toString(), "pipeline-x",
                "pipeline-x-20250101T000000Z-1a2b3c4d", new Configuration());

        Path folder = warehouse.resolve("reports/pipeline-x");
        assertThat(uri).endsWith("/reports/pipeline-x/pipeline-x-20250101T000000Z-1a2b3c4d.html");
        assertThat(Files.readString(folder.resolve("pipeline-x-20250101T000000Z-1a2b3c4d.html")))
                .isEqualTo(report.html());
        assertThat(Files.readString(folder.resolve("latest.html"))).isEqualTo(report.html());
    }

    @Test
    void storeFailureNamesUri() throws Exception {
        Path warehouse = Files.createTempDirectory("report-store-blocked");
        Files.writeString(warehouse.resolve("reports"), "a file where the folder belongs");

        assertThatThrownBy(() -> ReportStore.write(new Report("Blocked"),
                warehouse.toUri().toString(), "pipeline-x", "run-1", new Configuration()))
                .isInstanceOf(StorageException.class)
                .hasMessageStartingWith("Cannot write run report " + warehouse.toUri()
                        + "reports/pipeline-x/run-1.html: ");
    }
}
