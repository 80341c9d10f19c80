package io.gridcast.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.row_number;

import io.gridcast.report.Report;
import io.gridcast.report.Table;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/** Sections of a run report about an ingest: inputs with row counts, and rejects by reason. */
public final class IngestReport {

    /** Reasons listed with their counts. One line sums the rows of the others. */
    static final int MAX_REASONS = 20;
    /** Example rows shown per listed reason, the first by file and line. */
    static final int EXAMPLES_PER_REASON = 3;
    /** Input files listed by name. One line counts the others. */
    static final int MAX_FILES = 20;
    /** Characters of a raw line shown in an example. */
    static final int RAW_LINE_CHARS = 240;

    private IngestReport() {
    }

    /**
     * Adds the section "Inputs": the source read, its files, and the row counts.
     *
     * @return the section, for the caller to add the series that were read
     */
    public static Report.Section addInputs(Report report, String source, List<String> files,
            IngestCounts counts) {
        Report.Section section = report.section("Inputs");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("input", source);
        fields.put("files read", files.size());
        section.fields(fields);

        Table rows = new Table("rows read", "accepted", "rejected", "duplicates",
                "superseded revisions", "missing " + counts.intervalName());
        rows.row(counts.rowsRead(), counts.accepted(), counts.rejected(), counts.duplicates(),
                counts.superseded(), counts.missingIntervals());
        section.table(rows);
        section.paragraph("Rows read = accepted + rejected + duplicates + superseded revisions. "
                + "Missing " + counts.intervalName() + " are intervals absent from the periods "
                + "read; they are counted, never filled.");

        Table names = new Table("file");
        files.stream().limit(MAX_FILES).forEach(names::row);
        section.codeTable(names);
        if (files.size() > MAX_FILES) {
            section.paragraph((files.size() - MAX_FILES) + " more files are not listed.");
        }
        return section;
    }

    /**
     * Adds the section "Rejected rows": the count per reason and the first rows of each reason,
     * from {@code rejects} (the columns {@code source_file}, {@code line_number},
     * {@code raw_line} and {@code reason} of the rejects table).
     */
    public static void addRejects(Report report, Dataset<Row> rejects, String runId) {
        Report.Section section = report.section("Rejected rows");
        Dataset<Row> byReason = rejects.groupBy("reason").count()
                .orderBy(col("count").desc(), col("reason"));
        List<Row> listed = byReason.limit(MAX_REASONS).collectAsList();
        if (listed.isEmpty()) {
            section.paragraph("No row was rejected.");
            return;
        }

        Table counts = new Table("reason", "rows");
        listed.forEach(reason -> counts.row(reason.getString(0), reason.getLong(1)));
        section.table(counts);
        if (listed.size() == MAX_REASONS) {
            long reasons = byReason.count();
            long others = rejects.count()
                    - listed.stream().mapToLong(reason -> reason.getLong(1)).sum();
            if (reasons > MAX_REASONS) {
                section.paragraph((reasons - MAX_REASONS) + " more reasons cover " + others
                        + " rows: the rejects table lists every row (run_id = '" + runId
                        + "').");
            }
        }

        List<String> listedReasons = listed.stream().map(reason -> reason.getString(0)).toList();
        List<Row> examples = rejects
                .filter(col("reason").isin(listedReasons.toArray()))
                .withColumn("example", row_number().over(Window.partitionBy("reason")
                        .orderBy(col("source_file"), col("line_number"))))
                .filter(col("example").leq(EXAMPLES_PER_REASON))
                .select("reason", "source_file", "line_number", "raw_line")
                .collectAsList();
        Table lines = new Table("reason", "file", "line", "raw line");
        for (String reason : listedReasons) {
            examples.stream().filter(row -> row.getString(0).equals(reason))
                    .sorted(Comparator.comparing((Row row) -> row.getString(1))
                            .thenComparingLong(row -> row.getLong(2)))
                    .forEach(row -> lines.row(reason, row.getString(1), row.getLong(2),
                            abbreviate(row.getString(3))));
        }
        section.paragraph("First " + EXAMPLES_PER_REASON + " rows of each reason, by file and "
                + "line (line 1 is the header):");
        section.codeTable(lines);
    }

    private static String abbreviate(String line) {
        return line.length() <= RAW_LINE_CHARS ? line : line.substring(0, RAW_LINE_CHARS) + "...";
    }
}
