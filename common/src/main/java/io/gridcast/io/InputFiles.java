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
import org.apache.hadoop.fs.LocatedFileStatus;
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
                RemoteIterator<LocatedFileStatus> entries = fs.listFiles(root, true);
                while (entries.hasNext()) {
                    Path path = entries.next().getPath();
                    if (isHidden(root, path)) {
                        LOG.info("Skipping hidden file {}", path);
                    } else if (hasExtension(path.getName(), extensions)) {
                        files.add(path.toString());
                    }
                }
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
     * Tells whether a file below {@code root} is hidden by Hadoop's convention: its name, or the
     * name of a folder between it and {@code root}, starts with "." or "_" (as _SUCCESS does).
     */
    private static boolean isHidden(Path root, Path file) {
        for (Path current = file; current != null && !current.equals(root);
                current = current.getParent()) {
            String name = current.getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream().anyMatch(lower::endsWith);
    }
}
