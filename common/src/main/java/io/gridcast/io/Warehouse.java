package io.gridcast.io;

import io.gridcast.config.Settings;
import java.nio.file.Path;

/**
 * Location of gridcast's tables and model artifacts: a local folder or an object store prefix.
 *
 * @param uri warehouse root, ending without a slash ({@code file:/...} or {@code s3a://...})
 */
public record Warehouse(String uri) {

    public Warehouse {
        if (uri.endsWith("/")) {
            uri = uri.substring(0, uri.length() - 1);
        }
    }

    /**
     * Reads {@code gridcast.storage.warehouse}, resolving a plain path against the working
     * folder. With the Glue catalog an {@code s3://} warehouse keeps its scheme, because Athena
     * reads only {@code s3://} paths from Iceberg metadata.
     */
    public static Warehouse from(Settings settings) {
        String location = settings.string("storage.warehouse");
        if (location.startsWith("s3://") && "glue".equals(settings.string("catalog.type"))) {
            return new Warehouse(location);
        }
        return new Warehouse(toUri(location));
    }

    /** Turns a local path or URI into a URI string; {@code s3://} becomes {@code s3a://}. */
    public static String toUri(String location) {
        if (location.startsWith("s3://")) {
            return "s3a://" + location.substring("s3://".length());
        }
        if (location.contains("://") || location.startsWith("file:")) {
            return location;
        }
        // Hadoop paths are not URI-encoded: "file:/data/my load.csv", not "my%20load.csv".
        return "file:" + Path.of(location).toAbsolutePath().normalize();
    }

    public boolean isLocal() {
        return uri.startsWith("file:");
    }

    /** Local folder of a {@code file:} warehouse. */
    public Path localPath() {
        if (!isLocal()) {
            throw new IllegalStateException("Warehouse is not local: " + uri);
        }
        return Path.of(new org.apache.hadoop.fs.Path(uri).toUri().getPath());
    }

    /**
     * Checks that an {@code s3a://} warehouse can be reached with the configured endpoint and
     * credentials, before a job reads its input. Other warehouses are checked when written.
     *
     * @throws StorageException naming the warehouse and the storage's reason
     */
    public void checkReachable(org.apache.hadoop.conf.Configuration hadoop) {
        if (!uri.startsWith("s3a://")) {
            return;
        }
        org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(uri);
        try {
            root.getFileSystem(hadoop).exists(root);
        } catch (java.io.IOException | RuntimeException e) {
            throw new StorageException("Cannot reach warehouse " + uri + ": "
                    + StorageException.reason(e).orElse(e.toString())
                    + " (check the endpoint, the credentials and the bucket)", e);
        }
    }

    /** URI of {@code relative} under the warehouse root. */
    public String resolve(String relative) {
        return uri + "/" + relative;
    }
}
