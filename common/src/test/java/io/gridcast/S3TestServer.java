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
 * tests that read and write {@code s3a://} URIs with fake credentials. Clients reach it through
 * a relay, so a test can stop the server in the middle of a request and start it again.
 */
public final class S3TestServer implements AutoCloseable {

    public static final String ACCESS_KEY = "gridcast-test-access";
    public static final String SECRET_KEY = "gridcast-test-secret-do-not-log";

    private final int port;
    private final Path storage;
    private final S3Relay relay;
    private Process process;

    private S3TestServer(int port, Path storage) throws IOException {
        this.port = port;
        this.storage = storage;
        this.relay = new S3Relay(port);
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
        S3TestServer server = new S3TestServer(port, storage);
        server.restart();
        return server;
    }

    /** Starts the server process, again after {@link #stop}, on the same port and storage. */
    public synchronized void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-jar",
                System.getProperty("gridcast.s3proxy.jar"), "--properties",
                storage.resolve("s3proxy.properties").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        storage.resolve("s3proxy.log").toFile()))
                .start();
        awaitReady();
    }

    /** Kills the server process at once, as a crash or network loss would. */
    public synchronized void stop() {
        process.destroyForcibly();
        try {
            process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the server when a client starts a PUT whose request line contains {@code text}. */
    public void stopOnPut(String text) {
        relay.onPut(text, this::stop);
    }

    /** Returns the endpoint URL clients use, e.g. {@code http://127.0.0.1:41234}. */
    public String endpoint() {
        return "http://127.0.0.1:" + relay.port();
    }

    /** Creates {@code bucket} (a folder of the file-system store). */
    public void createBucket(String bucket) throws IOException {
        Files.createDirectories(storage.resolve("buckets").resolve(bucket));
    }

    /** gridcast settings that point S3A at this server: {@code spark.hadoop.fs.s3a.*}. */
    public Map<String, String> sparkSettings() {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put("spark.hadoop.fs.s3a.endpoint", endpoint());
        settings.put("spark.hadoop.fs.s3a.path.style.access", "true");
        settings.put("spark.hadoop.fs.s3a.connection.ssl.enabled", "false");
        settings.put("spark.hadoop.fs.s3a.access.key", ACCESS_KEY);
        settings.put("spark.hadoop.fs.s3a.secret.key", SECRET_KEY);
        settings.put("spark.hadoop.fs.s3a.aws.credentials.provider",
                "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
        settings.put("spark.hadoop.fs.s3a.change.detection.mode", "none");
        // Each test starts its own server: no S3A client cached for another server's port.
        settings.put("spark.hadoop.fs.s3a.impl.disable.cache", "true");
        settings.put("spark.hadoop.fs.s3a.attempts.maximum", "2");
        settings.put("spark.hadoop.fs.s3a.retry.limit", "2");
        return settings;
    }

    /** Returns {@code settings} with {@link #sparkSettings} added. */
    public io.gridcast.config.Settings applyTo(io.gridcast.config.Settings settings) {
        io.gridcast.config.Settings result = settings;
        for (Map.Entry<String, String> setting : sparkSettings().entrySet()) {
            result = result.with(setting.getKey(), setting.getValue());
        }
        return result;
    }

    /** Turns settings into command-line options: {@code --set key=value} for each. */
    public static List<String> setOptions(Map<String, String> settings) {
        List<String> options = new java.util.ArrayList<>();
        settings.forEach((key, value) -> {
            options.add("--set");
            options.add(key + "=" + value);
        });
        return options;
    }

    /** Copies local files into {@code s3a://bucket/prefix/} through the S3A client. */
    public void upload(List<Path> files, String bucket, String prefix) throws IOException {
        URI root = URI.create("s3a://" + bucket + "/");
        try (FileSystem s3 = FileSystem.newInstance(root, hadoopConfiguration())) {
            for (Path file : files) {
                s3.copyFromLocalFile(new org.apache.hadoop.fs.Path(file.toUri()),
                        new org.apache.hadoop.fs.Path(root.resolve(prefix + "/"
                                + file.getFileName())));
            }
        }
    }

    /** Copies the objects {@code uris} ({@code s3a://...}) into {@code folder}, one file each. */
    public List<Path> download(List<String> uris, Path folder) throws IOException {
        List<Path> copies = new java.util.ArrayList<>();
        for (String uri : uris) {
            org.apache.hadoop.fs.Path object = new org.apache.hadoop.fs.Path(uri);
            Path copy = folder.resolve(copies.size() + "-" + object.getName());
            try (FileSystem s3 = FileSystem.newInstance(object.toUri(), hadoopConfiguration())) {
                s3.copyToLocalFile(object, new org.apache.hadoop.fs.Path(copy.toUri()));
            }
            copies.add(copy);
        }
        return copies;
    }

    /** Tells whether {@code uri} ({@code s3a://...}) names an existing object or folder. */
    public boolean exists(String uri) throws IOException {
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
        try (FileSystem s3 = FileSystem.newInstance(path.toUri(), hadoopConfiguration())) {
            return s3.exists(path);
        }
    }

    private Configuration hadoopConfiguration() {
        Configuration hadoop = new Configuration(false);
        sparkSettings().forEach((key, value) -> hadoop.set(key.substring("spark.hadoop.".length()),
                value));
        hadoop.set("fs.s3a.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        return hadoop;
    }

    @Override
    public void close() throws IOException {
        relay.close();
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
                HttpURLConnection connection = (HttpURLConnection) URI.create(
                        "http://127.0.0.1:" + port + "/").toURL().openConnection();
                connection.setConnectTimeout(500);
                connection.getResponseCode();
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        stop();
        throw new IOException("S3Proxy did not start within 30 s on port " + port);
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
