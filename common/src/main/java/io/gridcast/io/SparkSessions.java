package io.gridcast.io;

import io.gridcast.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a job, with gridcast's Iceberg catalog registered. */
public final class SparkSessions {

    private static final String ICEBERG_EXTENSIONS =
            "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";

    private SparkSessions() {
    }

    /**
     * Returns the active session, or creates one from {@code gridcast.spark.*} and the catalog
     * settings. On a cluster the master comes from spark-submit and is not overridden.
     */
    public static SparkSession create(Settings settings) {
        SparkSession.Builder builder = SparkSession.builder();
        settings.section("spark").forEach((key, value) -> builder.config("spark." + key, value));
        catalogProperties(settings).forEach(builder::config);
        // Rows carry java.time values (Instant, LocalDate), never java.sql ones.
        builder.config("spark.sql.datetime.java8API.enabled", "true");
        return builder.getOrCreate();
    }

    /** Spark properties that register the Iceberg catalog named by {@code catalog.name}. */
    public static Map<String, String> catalogProperties(Settings settings) {
        String name = settings.string("catalog.name");
        String prefix = "spark.sql.catalog." + name;
        Warehouse warehouse = Warehouse.from(settings);
        Map<String, String> properties = new java.util.LinkedHashMap<>();
        properties.put("spark.sql.extensions", ICEBERG_EXTENSIONS);
        properties.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        properties.put(prefix + ".warehouse", warehouse.uri());
        String type = settings.string("catalog.type");
        switch (type) {
            case "jdbc" -> {
                properties.put(prefix + ".catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog");
                properties.put(prefix + ".uri", jdbcUri(settings, warehouse));
                properties.put(prefix + ".jdbc.schema-version", "V1");
            }
            case "glue" -> {
                properties.put(prefix + ".catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog");
                properties.put(prefix + ".io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
            }
            default -> throw new IllegalArgumentException(
                    "Invalid setting gridcast.catalog.type: " + type + " (expected jdbc or glue)");
        }
        return properties;
    }

    /**
     * Names the embedded catalog of a remote warehouse: the URI made file-safe, then 12 hex
     * digits of its SHA-256, so that URIs that read alike ({@code w_h}, {@code w/h}) differ.
     */
    static String catalogFileName(String warehouseUri) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(warehouseUri.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return warehouseUri.replaceAll("[^A-Za-z0-9.-]+", "_") + "-"
                    + java.util.HexFormat.of().formatHex(digest, 0, 6) + ".db";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static String jdbcUri(Settings settings, Warehouse warehouse) {
        String configured = settings.string("catalog.jdbc-uri");
        if (!configured.isBlank()) {
            return configured;
        }
        Path catalogFile = warehouse.isLocal()
                ? warehouse.localPath().resolve("catalog.db")
                : Path.of("catalogs", catalogFileName(warehouse.uri())).toAbsolutePath();
        try {
            Files.createDirectories(catalogFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create catalog folder " + catalogFile.getParent()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (!Files.isWritable(catalogFile.getParent())) {
            throw new UncheckedIOException(new IOException(
                    "Cannot write to catalog folder " + catalogFile.getParent()));
        }
        return "jdbc:sqlite:" + catalogFile;
    }
}
