package org.warctrail.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.versions.RecaptureResult;
import org.warctrail.watch.StoredWatches;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web UI, replay, Memento and the CDX API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI, replay (/web/), Memento and the CDX API (/cdx) over the store.")
public final class ServeCommand implements Callable<Integer> {
    /** How often the watch loop re-reads the stored watches at most. */
    private static final Duration WATCH_POLL = Duration.ofSeconds(30);
    /** How long a stop waits for the server, the capture and derivation to end. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(90);

    @Mixin
    StoreOption store;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--replay-port", paramLabel = "N", defaultValue = "0",
            description = "TCP port of the replay origin, where archived pages run apart from the UI "
                    + "(default: a free port; set one when a proxy or firewall must know it).")
    int replayPort;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--allow-private",
            description = "Let capture from the UI reach private, loopback and link-local addresses.")
    boolean allowPrivate;

    @Option(names = "--token", paramLabel = "T",
            description = "Secret that write actions must present; required for writes when not bound to loopback.")
    String token;

    @Option(names = "--watch",
            description = "Also run the watches stored in the index (watch --add, the UI): recapture each when due"
                    + " and print one line per change.")
    boolean watch;

    @Mixin
    ProxyOptions network;

    @Override
    public Integer call() throws Exception {
        network.validate();
        ServeOptions options = new ServeOptions(bind, port, allowPrivate, token, replayPort);
        PrintStream out = System.out;
        if (!options.loopbackOnly() && options.token() == null) {
            out.println("warctrail: listening beyond loopback without --token: write actions are disabled");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // on Ctrl-C or SIGTERM the JVM ends when its shutdown hooks return: this one waits for the orderly close
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "warctrail-serve-shutdown"));
        // closed in reverse order: the server (event streams first, then Jetty), the UI's capture, the watches,
        // then the archive, whose background derivation stores what it derived and stops
        try (Archive archive = Archives.openDerivingInBackground(store.dir(), System.err::println);
             CaptureJobs jobs = new CaptureJobs(archive, network::apply, options.allowPrivate())
                     .browser(BrowserOptions.defaults());
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
            new ArchiveUi(archive, jobs, server.pages(), options, watch).install(server).start();
            Thread watcher = watch ? startWatches(archive, options.allowPrivate(), network, out) : null;
            long pending = archive.derivations().status().pending();
            if (pending > 0) {
                out.println("warctrail: deriving text reuse and version flags of " + String.format("%,d", pending)
                        + " captures in the background (progress: the home page, `warctrail status`)");
            }
            String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
            out.println("warctrail: serving " + archive.store().dir() + " at http://" + host + ":" + server.port() + "/"
                    + " (archived pages run on http://" + host + ":" + server.replayPort() + ")");
            stopped.await();
            server.close();
            if (watcher != null) {
                watcher.interrupt();
                watcher.join(CLOSE_WAIT.toMillis());
            }
        } finally {
            closed.countDown();
        }
        return 0;
    }

    /**
     * Runs the stored watches in the background, re-reading them often so that new ones start soon. Like a capture
     * from the UI, a watch reaches private, loopback and link-local addresses only with --allow-private, checked on
     * every connection: a public name may come to resolve to a private address later.
     */
    private static Thread startWatches(Archive archive, boolean allowPrivate, ProxyOptions network, PrintStream out) {
        StoredWatches watches = new StoredWatches(archive,
                b -> allowPrivate ? network.apply(b) : network.apply(b).allowTarget(TargetPolicy.publicOnly()));
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    for (RecaptureResult r : watches.runDue(Instant.now())) {
                        if (r.failed() || watches.reportable(r)) out.println(r.line());
                    }
                    Instant next = watches.nextDue().orElse(Instant.now().plus(WATCH_POLL));
                    Duration wait = Duration.between(Instant.now(), next);
                    Thread.sleep(Math.max(1000, Math.min(wait.toMillis(), WATCH_POLL.toMillis())));
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    System.err.println("warctrail: watch: " + e.getMessage());
                    try {
                        Thread.sleep(WATCH_POLL.toMillis());
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }, "warctrail-watches");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
