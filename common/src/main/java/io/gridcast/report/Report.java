package io.gridcast.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A self-contained HTML page: a title, a list of fields (such as run id and start time) and
 * sections of paragraphs, tables, charts and preformatted text. All text is HTML-escaped. The
 * page carries its style sheet inline and its charts as {@code data:} URIs, and its content
 * security policy lets it load nothing else and run no script, so it opens offline.
 *
 * <p>Not thread-safe.
 */
public final class Report {

    /** Lets the page use its own inline style sheet and {@code data:} images, and nothing else. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0;
              color: #1a1a1a; background: #fff; line-height: 1.4; }
            main { max-width: 1440px; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
            h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid #ccc;
              padding-bottom: 0.2rem; }
            nav ol { margin: 0.4rem 0 0; padding-left: 1.4rem; columns: 2; }
            table { border-collapse: collapse; margin: 0.4rem 0 1rem; font-size: 0.9rem; }
            th, td { border: 1px solid #d0d0d0; padding: 0.2rem 0.6rem; text-align: left;
              vertical-align: top; }
            th { background: #f2f2f2; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            table.fields th { background: none; font-weight: 600; }
            td code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace;
              font-size: 0.85rem; overflow-wrap: anywhere; }
            pre { background: #f7f7f7; border: 1px solid #e0e0e0; padding: 0.5rem;
              white-space: pre-wrap; }
            figure { margin: 0.6rem 0 1.4rem; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e0e0e0; }
            """;

    private final String title;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private final List<Section> sections = new ArrayList<>();

    public Report(String title) {
        this.title = title;
    }

    /** Sets a field shown under the title. Setting a field again replaces its value in place. */
    public Report field(String name, Object value) {
        fields.put(name, value == null ? "" : String.valueOf(value));
        return this;
    }

    /** Appends a section and returns it, for its content to be added. */
    public Section section(String heading) {
        Section section = new Section(heading, "section-" + (sections.size() + 1));
        sections.add(section);
        return section;
    }

    public String title() {
        return title;
    }

    /** Renders the page as an HTML5 document. */
    public String html() {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(Html.escape(CONTENT_SECURITY_POLICY)).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, "
                        + "initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n");
        if (!fields.isEmpty()) {
            page.append(fieldTable(fields));
        }
        if (sections.size() > 1) {
            page.append("<nav><strong>Contents</strong>\n<ol>\n");
            for (Section section : sections) {
                page.append("<li><a href=\"#").append(section.id).append("\">")
                        .append(Html.escape(section.heading)).append("</a></li>\n");
            }
            page.append("</ol>\n</nav>\n");
        }
        for (Section section : sections) {
            page.append("<section id=\"").append(section.id).append("\">\n<h2>")
                    .append(Html.escape(section.heading)).append("</h2>\n");
            section.blocks.forEach(page::append);
            page.append("</section>\n");
        }
        return page.append("</main>\n</body>\n</html>\n").toString();
    }

    /** Renders the page as UTF-8 bytes. */
    public byte[] bytes() {
        return html().getBytes(StandardCharsets.UTF_8);
    }

    private static String fieldTable(Map<String, ?> values) {
        StringBuilder table = new StringBuilder("<table class=\"fields\">\n");
        values.forEach((name, value) -> table.append("<tr><th scope=\"row\">")
                .append(Html.escape(name)).append("</th><td>")
                .append(Html.escape(String.valueOf(value))).append("</td></tr>\n"));
        return table.append("</table>\n").toString();
    }

    /** Part of a report under one heading, whose content shows in the order it was added. */
    public static final class Section {

        private final String heading;
        private final String id;
        private final List<String> blocks = new ArrayList<>();

        private Section(String heading, String id) {
            this.heading = heading;
            this.id = id;
        }

        public Section paragraph(String text) {
            blocks.add("<p>" + Html.escape(text) + "</p>\n");
            return this;
        }

        /** Adds a two-column table of names and values, in the map's order. */
        public Section fields(Map<String, ?> values) {
            blocks.add(fieldTable(values));
            return this;
        }

        public Section table(Table table) {
            StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
            boolean[] numeric = new boolean[table.columns().size()];
            for (int i = 0; i < numeric.length; i++) {
                numeric[i] = table.isNumeric(i);
                html.append("<th scope=\"col\">").append(Html.escape(table.columns().get(i)))
                        .append("</th>");
            }
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    html.append(numeric[i] ? "<td class=\"num\">" : "<td>")
                            .append(Html.escape(row.get(i))).append("</td>");
                }
                html.append("</tr>\n");
            }
            blocks.add(html.append("</tbody>\n</table>\n").toString());
            return this;
        }

        /** Adds a table whose cells show as code, for raw input lines and file names. */
        public Section codeTable(Table table) {
            StringBuilder html = new StringBuilder("<table>\n<thead><tr>");
            table.columns().forEach(column -> html.append("<th scope=\"col\">")
                    .append(Html.escape(column)).append("</th>"));
            html.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : table.rows()) {
                html.append("<tr>");
                row.forEach(cell -> html.append("<td><code>").append(Html.escape(cell))
                        .append("</code></td>"));
                html.append("</tr>\n");
            }
            blocks.add(html.append("</tbody>\n</table>\n").toString());
            return this;
        }

        /**
         * Adds a chart as an embedded PNG image, with its title as alternative text. The image
         * shows the title itself, so no caption repeats it.
         */
        public Section chart(Chart chart) {
            blocks.add("<figure><img src=\"data:image/png;base64,"
                    + Base64.getEncoder().encodeToString(chart.png()) + "\" width=\""
                    + chart.widthPx() + "\" height=\"" + chart.heightPx() + "\" alt=\""
                    + Html.escape(chart.title()) + "\"></figure>\n");
            return this;
        }

        public Section preformatted(String text) {
            blocks.add("<pre>" + Html.escape(text) + "</pre>\n");
            return this;
        }
    }
}
