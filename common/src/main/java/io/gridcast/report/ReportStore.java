package io.gridcast.report;

import io.gridcast.io.StorageException;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes run reports to {@code <warehouse>/reports/<job>/<run id>.html} and a copy to
 * {@code <warehouse>/reports/<job>/latest.html}, through Hadoop's file systems ({@code file:},
 * {@code s3a:}).
 */
public final class ReportStore {

    /** Folder of the reports under the warehouse root. */
    public static final String FOLDER = "reports";
    /** Name of the copy of a job's most recent report. */
    public static final String LATEST = "latest.html";

    private static final Logger LOG = LoggerFactory.getLogger(ReportStore.class);

    private ReportStore() {
    }

    /** Returns the URI of a run's report under {@code warehouseUri}. */
    public static String runUri(String warehouseUri, String job, String runId) {
        return folder(warehouseUri, job) + "/" + runId + ".html";
    }

    /** Returns the URI of a job's most recent report under {@code warehouseUri}. */
    public static String latestUri(String warehouseUri, String job) {
        return folder(warehouseUri, job) + "/" + LATEST;
    }

    private static String folder(String warehouseUri, String job) {
        String root = warehouseUri.endsWith("/")
                ? warehouseUri.substring(0, warehouseUri.length() - 1) : warehouseUri;
        return root + "/" + FOLDER + "/" + job;
    }

    /**
     * Writes {@code report} as the run's report, then as the job's latest, and returns the
     * run report's URI. Each file is replaced whole: on S3 an object appears only once
     * complete, so a reader never sees half a report.
     *
     * @throws StorageException naming the URI and the storage's reason when a write fails
     */
    public static String write(Report report, String warehouseUri, String job, String runId,
            Configuration hadoop) {
        byte[] html = report.bytes();
        String runUri = runUri(warehouseUri, job, runId);
        writeFile(runUri, html, hadoop);
        writeFile(latestUri(warehouseUri, job), html, hadoop);
        LOG.info("Wrote run report {} ({} KiB)", runUri, html.length / 1024);
        return runUri;
    }

    private static void writeFile(String uri, byte[] content, Configuration hadoop) {
        Path path = new Path(uri);
        try (OutputStream out = path.getFileSystem(hadoop).create(path, true)) {
            out.write(content);
        } catch (IOException e) {
            throw new StorageException("Cannot write run report " + uri + ": "
                    + StorageException.reason(e).orElse(String.valueOf(e.getMessage())), e);
        }
    }
}
