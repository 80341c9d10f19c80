package io.gridcast.io;

import io.gridcast.ingest.InvalidInputException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Lists the input files under a local path, a {@code file:} URI or an {@code s3a://} prefix. */
public final class InputFiles {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InputFiles.class);

    private InputFiles() {
    }

    /**
     * Returns the URIs of the files at {@code location}: the file itself, or the files below the
     * folder whose names end with one of {@code extensions}, hidden files left out, sorted.
     *
     * @throws InvalidInputException if the location does not exist or contains no such file
     */
    public static List<String> list(Configuration hadoop, String location,
            List<String> extensions) {
        String uri = Warehouse.toUri(location);
        Path root = new Path(uri);
        List<String> files = new ArrayList<>();
        try {
            FileSystem fs = root.getFileSystem(hadoop);
            FileStatus status = fs.getFileStatus(root);
            if (status.isFile()) {
                files.add(status.getPath().toString());
            } else {
                collect(fs, root, extensions, files);
            }
        } catch (FileNotFoundException e) {
            throw new InvalidInputException("Input not found: " + uri, e);
        } catch (IOException e) {
            throw new InvalidInputException("Cannot list input " + uri + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("No input files (" + String.join(", ", extensions)
                    + ") found at " + uri);
        }
        files.sort(null);
        return files;
    }

    /**
     * Adds the files below {@code folder} with one of {@code extensions}, leaving out hidden
     * entries by Hadoop's convention: a name starting with "." or "_" (as _SUCCESS does) hides
     * a file or a whole folder. Lists with plain statuses rather than located ones, which on
     * the local file system would start a process per file to read its permissions.
     */
    private static void collect(FileSystem fs, Path folder, List<String> extensions,
            List<String> files) throws IOException {
        RemoteIterator<FileStatus> entries = fs.listStatusIterator(folder);
        while (entries.hasNext()) {
            FileStatus entry = entries.next();
            String name = entry.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                LOG.info("Skipping hidden {}", entry.getPath());
            } else if (entry.isDirectory()) {
                collect(fs, entry.getPath(), extensions, files);
            } else if (hasExtension(name, extensions)) {
                files.add(entry.getPath().toString());
            }
        }
    }

    private static boolean hasExtension(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }
}
