package io.gridcast.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Opens source files in Spark tasks and hands each CSV in them to a parser:
 * a plain {@code .csv}, a gzip-compressed {@code .csv.gz}, or every {@code .csv} member of a
 * {@code .zip} (named {@code <zip URI>!/<member>}). Files are opened by URI with Hadoop's file
 * system, so names with commas, brackets or spaces are read as they are, not as path patterns.
 */
public final class SourceFiles {

    /** Parses one CSV; runs in a Spark task, so it must be serializable. */
    @FunctionalInterface
    public interface CsvParser<T> extends Serializable {
        T parse(String sourceName, BufferedReader lines);
    }

    private SourceFiles() {
    }

    /** Returns the parser's result for every CSV in {@code files}. */
    public static <T> JavaRDD<T> parse(SparkSession spark, List<String> files,
            CsvParser<T> parser) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Map<String, String> hadoopSettings = new HashMap<>();
        spark.sparkContext().hadoopConfiguration()
                .forEach(entry -> hadoopSettings.put(entry.getKey(), entry.getValue()));
        // Several files per task when there are many small ones (ERCOT posts one file per
        // 15-minute interval), and one file per task when there are few.
        int slices = Math.max(1, Math.min(files.size(), context.defaultParallelism() * 4));
        return context.parallelize(files, slices)
                .flatMap(uri -> parseFile(uri, hadoopSettings, parser).iterator());
    }

    private static <T> List<T> parseFile(String uri, Map<String, String> hadoopSettings,
            CsvParser<T> parser) {
        Configuration hadoop = new Configuration(false);
        hadoopSettings.forEach(hadoop::set);
        Path path = new Path(uri);
        String lower = uri.toLowerCase(Locale.ROOT);
        try (InputStream raw = path.getFileSystem(hadoop).open(path)) {
            if (lower.endsWith(".zip")) {
                return parseZip(uri, raw, parser);
            }
            InputStream content = lower.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
            // Bytes that are not UTF-8 fail the file, naming the line, instead of becoming U+FFFD.
            return List.of(parser.parse(uri, new StrictUtf8LineReader(content, uri)));
        } catch (IOException e) {
            throw new InvalidInputException("Cannot read " + uri + ": " + e, e);
        }
    }

    private static <T> List<T> parseZip(String uri, InputStream raw, CsvParser<T> parser)
            throws IOException {
        List<T> results = new ArrayList<>();
        ZipInputStream zip = new ZipInputStream(raw);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (!entry.isDirectory() && !isHiddenMember(entry.getName())
                    && entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                InputStream member = new java.io.FilterInputStream(zip) {
                    @Override
                    public void close() {
                        // Closing one member must not close the archive.
                    }
                };
                String memberName = uri + "!/" + entry.getName();
                results.add(parser.parse(memberName, new StrictUtf8LineReader(member, memberName)));
            }
        }
        if (results.isEmpty()) {
            throw new InvalidInputException("No .csv member in zip " + uri);
        }
        return results;
    }

    /**
     * Tells whether a ZIP member is hidden as files in folders are: a name or folder starting
     * with "." or "_", such as the {@code __MACOSX/._data.csv} entries that macOS adds.
     */
    private static boolean isHiddenMember(String name) {
        for (String part : name.split("/")) {
            if (part.startsWith(".") || part.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
