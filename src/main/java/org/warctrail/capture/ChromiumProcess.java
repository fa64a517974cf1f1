package org.warctrail.capture;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A headless Chromium of our own: started with a fresh profile and {@code --remote-debugging-port=0}, its
 * DevTools endpoint read from the {@code DevToolsActivePort} file it writes into the profile, and stopped with its
 * profile deleted. No chromedriver is needed.
 *
 * <p>The browser is given a proxy that does not exist ({@code 127.0.0.1:9}, the discard port, for every host,
 * loopback included): every request a page makes is intercepted and fetched by the capture itself
 * ({@link BrowserFetches}), so anything that slipped past the interception (a WebSocket, a service worker's
 * fetch) fails instead of reaching the network unrecorded and unchecked by the target policy.
 */
final class ChromiumProcess implements AutoCloseable {
    /** Debian's package, the default of {@code --browser-path}. */
    static final Path DEFAULT_PATH = Path.of("/usr/bin/chromium");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final URI endpoint;

    /** Stops the browser if the JVM exits without closing it (a capture interrupted by Ctrl-C). */
    private final Thread stopAtExit;

    private ChromiumProcess(Process process, Path profile, URI endpoint) {
        this.process = process;
        this.profile = profile;
        this.endpoint = endpoint;
        this.stopAtExit = new Thread(() -> {
            stop(process);
            deleteTree(profile);
        }, "warctrail-chromium-stop");
        Runtime.getRuntime().addShutdownHook(stopAtExit);
    }

    /** Starts the browser at {@code executable} with a window of {@code width}×{@code height} CSS pixels. */
    static ChromiumProcess start(Path executable, int width, int height) throws IOException {
        if (!Files.isExecutable(executable)) {
            throw new IOException("no browser at " + executable + " (install Debian's chromium, or give --browser-path)");
        }
        Path profile = Files.createTempDirectory("warctrail-chromium-");
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--headless=new", "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage", "--disable-gpu",
                "--mute-audio", "--hide-scrollbars", "--window-size=" + width + "," + height,
                // out-of-process iframes would be other targets with their own interception to set up
                "--disable-features=IsolateOrigins,site-per-process,HttpsUpgrades",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                "about:blank"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add(1, "--no-sandbox"); // Chromium refuses to start its sandbox as root
        }
        Path log = profile.resolve("chromium.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            URI endpoint = awaitEndpoint(process, profile, log);
            return new ChromiumProcess(process, profile, endpoint);
        } catch (IOException | RuntimeException e) {
            stop(process);
            deleteTree(profile);
            throw e;
        }
    }

    /** The browser's DevTools WebSocket endpoint. */
    URI endpoint() {
        return endpoint;
    }

    /** The browser process and its children (renderers, GPU, network service). */
    List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        return all;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook stops the browser
        }
        stop(process);
        deleteTree(profile);
    }

    private static URI awaitEndpoint(Process process, Path profile, Path log) throws IOException {
        Path port = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the browser exited at start (status " + process.exitValue() + "): " + tail(log));
            }
            if (Files.exists(port)) {
                List<String> lines = Files.readAllLines(port, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && !lines.get(1).isBlank()) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0).trim() + lines.get(1).trim());
                }
            }
            try {
                Thread.sleep(25); // the browser writes the file once it listens; there is no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the browser started", e);
            }
        }
        throw new IOException("the browser did not open its DevTools port within " + START_TIMEOUT.toSeconds()
                + " s: " + tail(log));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.contains("dbus")).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // a file the browser still held: the profile is a temporary directory, left for the system to clear
        }
    }
}
