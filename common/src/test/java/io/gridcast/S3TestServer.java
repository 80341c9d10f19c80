package io.gridcast;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * An S3-compatible server (S3Proxy over a temporary folder) on 127.0.0.1, in its own JVM, for
 * tests that read and write {@code s3a://} URIs with fake credentials.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "gridcast-test-access";
    public static final String SECRET_KEY = "gridcast-test-secret-do-not-log";

    private final Process process;
    private final int port;
    private final Path storage;

    private S3TestServer(Process process, int port, Path storage) {
        this.process = process;
        this.port = port;
        this.storage = storage;
    }

    /** Starts the server and waits until it accepts HTTP requests, at most 30 s. */
    public static S3TestServer start() throws IOException, InterruptedException {
        Path storage = Files.createTempDirectory("gridcast-s3");
        int port = freePort();
        Path properties = storage.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + storage.resolve("buckets")) + "\n");
        Files.createDirectories(storage.resolve("buckets"));
        Process process = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar",
                System.getProperty("gridcast.s3proxy.jar"), "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(storage.resolve("s3proxy.log").toFile())
                .start();
        S3TestServer server = new S3TestServer(process, port, storage);
        server.awaitReady();
        return server;
    }

    /** Returns the endpoint URL, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates {@code bucket} (a folder of the file-system store). */
    public void createBucket(String bucket) throws IOException {
        Files.createDirectories(storage.resolve("buckets").resolve(bucket));
    }

    /** gridcast settings that point S3A at this server: {@code spark.hadoop.fs.s3a.*}. */
    public Map<String, String> sparkSettings() {
        return Map.of(
                "spark.hadoop.fs.s3a.endpoint", endpoint(),
                "spark.hadoop.fs.s3a.path.style.access", "true",
                "spark.hadoop.fs.s3a.connection.ssl.enabled", "false",
                "spark.hadoop.fs.s3a.access.key", ACCESS_KEY,
                "spark.hadoop.fs.s3a.secret.key", SECRET_KEY,
                "spark.hadoop.fs.s3a.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
                "spark.hadoop.fs.s3a.change.detection.mode", "none",
                "spark.hadoop.fs.s3a.attempts.maximum", "2",
                "spark.hadoop.fs.s3a.retry.limit", "2");
    }

    /** Copies local files into {@code s3a://bucket/prefix/} through the S3A client. */
    public void upload(List<Path> files, String bucket, String prefix) throws IOException {
        Configuration hadoop = new Configuration(false);
        sparkSettings().forEach((key, value) -> hadoop.set(key.substring("spark.hadoop.".length()),
                value));
        hadoop.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        URI root = URI.create("s3a://" + bucket + "/");
        try (FileSystem s3 = FileSystem.newInstance(root, hadoop)) {
            for (Path file : files) {
                s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.fs.Path(root.resolve(prefix + "/"
                                + file.getFileName())));
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited: "
                        + Files.readString(storage.resolve("s3proxy.log")));
            }
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) URI.create(endpoint() + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        close();
        throw new IOException("S3Proxy did not start within 30 s on " + endpoint());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
