package org.warctrail.cli;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.warctrail.index.Archive;
import org.warctrail.index.CaptureLookup;
import org.warctrail.store.WarcStore;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}: the web UI, replay, Memento and the CDX API over the store. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the web UI, replay (/web/), Memento and the CDX API (/cdx) over the store.")
public final class ServeCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = ServeOptions.DEFAULT_BIND,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--allow-private",
            description = "Let capture from the UI reach private, loopback and link-local addresses.")
    boolean allowPrivate;

    @Option(names = "--token", paramLabel = "T",
            description = "Secret that write actions must present; required for writes when not bound to loopback.")
    String token;

    @Override
    public Integer call() throws Exception {
        try (Archive archive = Archive.open(store.dir(), System.err::println)) {
            return serve(archive.store(), archive.index(), System.out);
        }
    }

    /** Serves until the process is stopped; returns the exit code. */
    public int serve(WarcStore warcStore, CaptureLookup index, PrintStream out) throws InterruptedException {
        ServeOptions options = new ServeOptions(bind, port, allowPrivate, token);
        if (!options.loopbackOnly() && options.token() == null) {
            out.println("warctrail: listening beyond loopback without --token: write actions are disabled");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (ReplayServer server = new ReplayServer(warcStore, index, options).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "warctrail-serve-shutdown"));
            String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
            out.println("warctrail: serving " + warcStore.dir() + " at http://" + host + ":" + server.port() + "/");
            stopped.await();
        }
        return 0;
    }
}
