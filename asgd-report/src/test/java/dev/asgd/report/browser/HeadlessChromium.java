package dev.asgd.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Opens a page in a real headless Chromium (Debian's {@code chromium}) and reports what a person
 * would see: console errors, uncaught exceptions, and for every image whether it loaded and is
 * not blank (drawn to a canvas, more than one colour); it can also take a screenshot. The browser is
 * started with the background-networking features off, talks to this JVM over the DevTools
 * protocol on the loopback address, and is killed on {@link #close()}.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final DevToolsConnection page;
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch loaded = new CountDownLatch(1);

    /** What the page showed. */
    public record PageReport(String title, List<String> consoleErrors, List<ImageCheck> images) {
    }

    /** One image: its alt text, its natural size, and whether it has more than one colour. */
    public record ImageCheck(String alt, int width, int height, boolean complete, boolean nonBlank) {
    }

    private HeadlessChromium(Process process, Path profile, DevToolsConnection page) {
        this.process = process;
        this.profile = profile;
        this.page = page;
    }

    /** @return the Chromium executable: $ASGD_CHROMIUM, /usr/bin/chromium or /usr/bin/chromium-browser */
    public static Optional<Path> find() {
        String env = System.getenv("ASGD_CHROMIUM");
        Stream<String> candidates = Stream.of(env, "/usr/bin/chromium", "/usr/bin/chromium-browser");
        return candidates.filter(c -> c != null && !c.isBlank()).map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * @param executable the Chromium binary
     * @return a running browser with one blank page
     * @throws IOException when it cannot be started
     */
    public static HeadlessChromium start(Path executable) throws IOException {
        Path profile = Files.createTempDirectory("asgd-chromium-");
        List<String> cmd = List.of(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--disable-extensions", "--mute-audio",
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1100,1400", "about:blank");
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = awaitEndpoint(p);
            URI pageSocket = pageTarget(browser);
            HeadlessChromium[] self = new HeadlessChromium[1];
            DevToolsConnection c = DevToolsConnection.open(pageSocket, List.of(m -> self[0].onEvent(m)));
            self[0] = new HeadlessChromium(p, profile, c);
            c.send("Runtime.enable", null, TIMEOUT);
            c.send("Log.enable", null, TIMEOUT);
            c.send("Page.enable", null, TIMEOUT);
            return self[0];
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            deleteTree(profile);
            throw e;
        }
    }

    private static URI awaitEndpoint(Process p) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String line;
        StringBuilder seen = new StringBuilder();
        while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (err.readLine() != null) {
                            // keep the pipe flowing
                        }
                    } catch (IOException e) {
                        // the browser went away
                    }
                }, "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return URI.create(m.group(1));
            }
            seen.append(line).append('\n');
        }
        throw new IOException("Chromium did not open its DevTools endpoint; it said:\n" + seen);
    }

    private static URI pageTarget(URI browser) throws IOException {
        URI list = URI.create("http://" + browser.getHost() + ":" + browser.getPort() + "/json/list");
        HttpClient http = HttpClient.newHttpClient();
        try {
            for (int attempt = 0; attempt < 50; attempt++) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                for (JsonNode t : MAPPER.readTree(r.body())) {
                    if ("page".equals(t.path("type").asText())) {
                        return URI.create(t.get("webSocketDebuggerUrl").asText());
                    }
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        throw new IOException("Chromium shows no page target at " + list);
    }

    private void onEvent(JsonNode m) {
        String method = m.path("method").asText();
        JsonNode p = m.path("params");
        switch (method) {
            case "Runtime.consoleAPICalled" -> {
                String type = p.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    consoleErrors.add("console." + type + ": " + p.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> consoleErrors.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                if ("error".equals(p.path("entry").path("level").asText())) {
                    consoleErrors.add("log: " + p.path("entry").path("text").asText() + " "
                            + p.path("entry").path("url").asText());
                }
            }
            case "Page.loadEventFired" -> loaded.countDown();
            default -> {
                // not needed
            }
        }
    }

    /**
     * @param html the page to open
     * @return what it showed
     * @throws IOException when the page does not load
     */
    public PageReport open(Path html) throws IOException {
        consoleErrors.clear();
        loaded = new CountDownLatch(1);
        ObjectNode nav = DevToolsConnection.params();
        nav.put("url", html.toAbsolutePath().toUri().toString());
        JsonNode r = page.send("Page.navigate", nav, TIMEOUT);
        if (r.has("errorText")) {
            throw new IOException("cannot open " + html + ": " + r.get("errorText").asText());
        }
        try {
            if (!loaded.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("the page did not finish loading within " + TIMEOUT);
            }
            Thread.sleep(300); // late console messages
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String script = """
                (async () => {
                  const out = [];
                  for (const img of Array.from(document.images)) {
                    try { await img.decode(); } catch (e) { }
                    let nonBlank = false;
                    if (img.complete && img.naturalWidth > 0) {
                      const c = document.createElement('canvas');
                      c.width = img.naturalWidth; c.height = img.naturalHeight;
                      const g = c.getContext('2d');
                      g.drawImage(img, 0, 0);
                      const d = g.getImageData(0, 0, c.width, c.height).data;
                      for (let i = 4; i < d.length && !nonBlank; i += 4) {
                        nonBlank = d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2] || d[i + 3] !== d[3];
                      }
                    }
                    out.push({alt: img.alt, width: img.naturalWidth, height: img.naturalHeight,
                              complete: img.complete, nonBlank: nonBlank});
                  }
                  return JSON.stringify({title: document.title, images: out});
                })()""";
        ObjectNode eval = DevToolsConnection.params();
        eval.put("expression", script);
        eval.put("awaitPromise", true);
        eval.put("returnByValue", true);
        JsonNode res = page.send("Runtime.evaluate", eval, TIMEOUT);
        if (res.has("exceptionDetails")) {
            throw new IOException("the page check failed: " + res.get("exceptionDetails"));
        }
        JsonNode v = MAPPER.readTree(res.path("result").path("value").asText());
        List<ImageCheck> images = new ArrayList<>();
        for (JsonNode i : v.path("images")) {
            images.add(new ImageCheck(i.path("alt").asText(), i.path("width").asInt(), i.path("height").asInt(),
                    i.path("complete").asBoolean(), i.path("nonBlank").asBoolean()));
        }
        return new PageReport(v.path("title").asText(), List.copyOf(consoleErrors), images);
    }

    /**
     * Screenshot of the page's top, as a person opening it sees it.
     *
     * @param png the file to write
     * @throws IOException when it cannot be taken or written
     */
    public void screenshot(Path png) throws IOException {
        ObjectNode p = DevToolsConnection.params();
        p.put("format", "png");
        JsonNode r = page.send("Page.captureScreenshot", p, TIMEOUT);
        Path dir = png.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Files.write(png, Base64.getDecoder().decode(r.path("data").asText()));
    }

    @Override
    public void close() {
        page.close();
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(profile);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary profile left behind is harmless
        }
    }
}
