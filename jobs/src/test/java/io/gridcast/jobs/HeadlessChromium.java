package io.gridcast.jobs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a local HTML page in Debian's headless Chromium and reports what the browser loaded:
 * the page title, each image's decoded size and how many of its pixels are not white, and every
 * console message. A test page of its own loads the page in a frame and inspects it with a
 * script, so the page under test needs no script. Chromium gets no network: it runs in a new
 * network namespace (only a loopback interface, down) when {@code unshare -n} works, as for
 * root, and always with the flags that stop its background requests.
 */
final class HeadlessChromium {

    private static final long TIMEOUT_SECONDS = 60;
    private static final Pattern RESULT =
            Pattern.compile("<pre id=\"result\">(.*?)</pre>", Pattern.DOTALL);

    /** Frame width, wide enough that report charts show at their full width. */
    private static final int FRAME_WIDTH_PX = 1500;

    /**
     * Loads the page under test in a frame, then writes one line per finding into the
     * element {@code result}, which {@code --dump-dom} prints. Each image is drawn on a canvas
     * to count its non-white pixels ({@code data:} images do not taint a canvas).
     */
    private static final String INSPECTOR = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>inspector</title></head><body>
            <pre id="result">not loaded</pre>
            <iframe id="page" src="%s" width="%d" height="900"></iframe>
            <script>
            window.addEventListener('load', function () {
              var lines = [];
              try {
                var page = document.getElementById('page').contentDocument;
                lines.push('title\\t' + page.title);
                lines.push('scripts\\t' + page.scripts.length);
                for (var i = 0; i < page.images.length; i++) {
                  var image = page.images[i];
                  var ink = -1;
                  if (image.complete && image.naturalWidth > 0) {
                    var canvas = document.createElement('canvas');
                    canvas.width = image.naturalWidth;
                    canvas.height = image.naturalHeight;
                    var context = canvas.getContext('2d');
                    context.drawImage(image, 0, 0);
                    var pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
                    ink = 0;
                    for (var p = 0; p < pixels.length; p += 4) {
                      if (pixels[p] < 240 || pixels[p + 1] < 240 || pixels[p + 2] < 240) {
                        ink++;
                      }
                    }
                  }
                  lines.push('image\\t' + image.complete + '\\t' + image.naturalWidth + '\\t'
                      + image.naturalHeight + '\\t' + ink + '\\t' + image.alt);
                }
              } catch (e) {
                lines.push('error\\t' + e);
              }
              document.getElementById('result').textContent = lines.join('\\n');
            });
            </script>
            </body></html>
            """;

    /**
     * What Chromium loaded.
     *
     * @param title the page's title
     * @param scripts script elements in the page
     * @param images the page's images in document order
     * @param console console messages Chromium logged, such as blocked loads
     * @param errors script errors of the inspector, such as a frame it could not read
     */
    record Page(String title, int scripts, List<Image> images, List<String> console,
            List<String> errors) {
    }

    /**
     * One image as decoded.
     *
     * @param inkPixels pixels that are not white, or -1 when the image did not decode
     */
    record Image(boolean complete, int widthPx, int heightPx, long inkPixels, String alt) {
    }

    private HeadlessChromium() {
    }

    /** Returns Chromium's launcher when it is installed. */
    static Optional<Path> executable() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .map(folder -> Path.of(folder, "chromium"))
                .filter(Files::isExecutable).findFirst();
    }

    /** Opens {@code html} and returns what loaded. */
    static Page open(Path html) throws IOException, InterruptedException {
        Path chromium = executable().orElseThrow(() ->
                new IllegalStateException("chromium is not installed"));
        Path work = Files.createTempDirectory("chromium");
        Path inspector = work.resolve("inspector.html");
        Files.writeString(inspector, INSPECTOR.formatted(html.toUri(), FRAME_WIDTH_PX));

        List<String> command = new ArrayList<>();
        if (canIsolateNetwork()) {
            command.addAll(List.of("unshare", "-n"));
        }
        command.addAll(List.of(chromium.toString(), "--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--metrics-recording-only", "--disable-default-apps",
                "--no-default-browser-check", "--user-data-dir=" + work.resolve("profile"),
                "--allow-file-access-from-files", "--enable-logging=stderr", "--v=0",
                "--run-all-compositor-stages-before-draw", "--virtual-time-budget=5000",
                "--dump-dom", inspector.toUri().toString()));
        Path dom = work.resolve("dom.html");
        Path log = work.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectOutput(dom.toFile())
                .redirectError(log.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within " + TIMEOUT_SECONDS
                    + " s; its log: " + log);
        }
        String output = Files.readString(dom, StandardCharsets.UTF_8);
        Matcher result = RESULT.matcher(output);
        if (process.exitValue() != 0 || !result.find()) {
            throw new IllegalStateException("chromium exited with " + process.exitValue()
                    + " and no inspector result; its log: " + log);
        }
        Page page = parse(unescape(result.group(1)), Files.readAllLines(log));
        deleteRecursively(work);
        return page;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static Page parse(String result, List<String> log) {
        String title = null;
        int scripts = -1;
        List<Image> images = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (String line : result.split("\n")) {
            String[] fields = line.split("\t", -1);
            switch (fields[0]) {
                case "title" -> title = fields[1];
                case "scripts" -> scripts = Integer.parseInt(fields[1]);
                case "image" -> images.add(new Image(Boolean.parseBoolean(fields[1]),
                        Integer.parseInt(fields[2]), Integer.parseInt(fields[3]),
                        Long.parseLong(fields[4]), fields[5]));
                default -> errors.add(line);
            }
        }
        List<String> console = log.stream().filter(line -> line.contains(":CONSOLE")).toList();
        return new Page(title, scripts, images, console, errors);
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Tells whether {@code unshare -n} can start a process without network here. */
    private static boolean canIsolateNetwork() throws InterruptedException {
        try {
            Process probe = new ProcessBuilder("unshare", "-n", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return probe.waitFor(10, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
