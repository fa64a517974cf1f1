package org.warctrail.web;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.DerivationStatus;
import org.warctrail.store.WarcStore;

/**
 * The web server: UI pages, replay, Memento and the CDX API over a store and its index.
 *
 * <pre>
 * GET /                      archived URLs, newest first (?page=)
 * GET /timeline?url=         a URL's captures
 * GET /web/{ts}/{url}        snapshot: banner over a sandboxed frame
 * GET /web/{ts}mp_/{url}     archived resource, URLs rewritten into the archive
 * GET /web/{ts}id_/{url}     archived payload, byte for byte
 * GET /web/{url}             Memento TimeGate
 * GET /web/timemap/link|json/{url}  Memento TimeMaps
 * GET /cdx?url=...           pywb CDX server API
 * GET /record?url=&amp;timestamp=  WARC and HTTP headers of a capture
 * GET /static/...            CSS and scripts (classpath web/static)
 * </pre>
 *
 * Later features add their own routes with {@link #routes(Consumer)} before {@link #start()}; write actions
 * under {@code /api/} pass the {@link WriteGuard} first.
 */
public final class ReplayServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReplayServer.class);

    private final WarcStore store;
    private final CaptureLookup index;
    private final ServeOptions options;
    private final ReplayOrigin replayOrigin = new ReplayOrigin();
    private final Pages pages = new Pages(replayOrigin);
    private ServerConnector uiConnector;
    private ServerConnector replayConnector;
    private final List<Consumer<RoutesConfig>> extraRoutes = new ArrayList<>();
    private final List<Runnable> beforeStop = new ArrayList<>();
    private ChangeMarkers changes = ChangeMarkers.NONE;
    private Supplier<DerivationStatus> derivationStatus;
    private RequestBudget budget = new RequestBudget(RequestBudget.DEFAULT, System::nanoTime);
    private Javalin app;
    private volatile boolean stopped;

    public ReplayServer(WarcStore store, CaptureLookup index, ServeOptions options) {
        this.store = store;
        this.index = index;
        this.options = options;
    }

    /** Adds routes of later features (search, provenance, diff, API); call before {@link #start()}. */
    public ReplayServer routes(Consumer<RoutesConfig> routes) {
        if (app != null) throw new IllegalStateException("routes must be added before start()");
        extraRoutes.add(routes);
        return this;
    }

    /**
     * Runs {@code task} when the server stops, before Jetty does: long-lived responses (event streams) end while
     * their requests still exist. Call before {@link #start()}.
     */
    public ReplayServer beforeStop(Runnable task) {
        if (app != null) throw new IllegalStateException("stop tasks must be added before start()");
        beforeStop.add(task);
        return this;
    }

    /** What the timeline marks as changed at each capture (none by default); call before {@link #start()}. */
    public ReplayServer changeMarkers(ChangeMarkers markers) {
        if (app != null) throw new IllegalStateException("change markers must be set before start()");
        this.changes = markers;
        return this;
    }

    /** Where the home page reads how far derived data has come (not shown unless set); call before {@link #start()}. */
    public ReplayServer derivationStatus(Supplier<DerivationStatus> status) {
        if (app != null) throw new IllegalStateException("the derivation status must be set before start()");
        this.derivationStatus = status;
        return this;
    }

    /** The time every request may take ({@link RequestBudget#DEFAULT} unless set); call before {@link #start()}. */
    public ReplayServer requestBudget(RequestBudget budget) {
        if (app != null) throw new IllegalStateException("the request budget must be set before start()");
        this.budget = budget;
        return this;
    }

    public Pages pages() {
        return pages;
    }

    public ReplayServer start() {
        MementoHandler memento = new MementoHandler(index, pages);
        ReplayHandler replay = new ReplayHandler(store, index, pages, memento, replayOrigin);
        HomePage home = new HomePage(index, pages, derivationStatus);
        TimelinePage timeline = new TimelinePage(index, pages, changes, options.token() != null);
        RecordPage record = new RecordPage(store, index, pages);
        CdxApiHandler cdx = new CdxApiHandler(index);
        RequestGuard guard = new RequestGuard(options);
        WriteGuard writeGuard = new WriteGuard(options);

        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // Replay sends archived bytes with their own Content-Encoding; the server must not encode again.
            cfg.http.compressionStrategy = CompressionStrategy.NONE;
            // Two connectors (Javalin then adds none of its own): the UI's, and the replay origin's, where archived
            // pages run apart from the UI (see ReplayOrigin).
            cfg.jetty.addConnector((server, http) -> uiConnector = connector(server, http, options.port()));
            cfg.jetty.addConnector((server, http) -> replayConnector = connector(server, http, options.replayPort()));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/web/static";
                sf.location = Location.CLASSPATH;
                sf.headers = Map.of("Cache-Control", "max-age=300");
            });
            // A blocking write to a client that does not read fails after this long, freeing the thread.
            cfg.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(budget.budget().toMillis()));
            cfg.routes.before(budget::start);
            cfg.routes.before(guard::before);
            cfg.routes.before(new ReplayOriginRequests(replayOrigin)::before);
            cfg.routes.before("/api/*", writeGuard::before);
            cfg.routes.get("/", home::handle);
            cfg.routes.get("/timeline", timeline::handle);
            cfg.routes.get("/record", record::handle);
            cfg.routes.get("/cdx", cdx::handle);
            cfg.routes.get("/web/<rest>", replay::handle);
            cfg.routes.head("/web/<rest>", replay::handle);
            extraRoutes.forEach(r -> r.accept(cfg.routes));
            cfg.routes.exception(IllegalArgumentException.class, (e, ctx) ->
                    ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n"));
            cfg.routes.exception(BoundedInputStream.PayloadTooLargeException.class, (e, ctx) ->
                    ctx.status(502).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n"));
            cfg.routes.exception(RequestBudget.Exceeded.class, (e, ctx) -> {
                log.info("{} stopped: {}", ctx.path(), e.getMessage());
                // Once rows are on their way the status is sent; the response just ends where the budget ran out.
                if (!ctx.res().isCommitted()) {
                    ctx.status(503).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
                }
            });
            cfg.routes.exception(IOException.class, (e, ctx) -> {
                log.warn("replay failed for {}: {}", ctx.path(), e.getMessage());
                ctx.status(502).contentType("text/plain; charset=utf-8")
                        .result("the archive could not read this capture: " + e.getMessage() + "\n");
            });
            cfg.routes.error(404, ctx -> {
                // An API's 404 keeps its own answer (which URL, which watch); only pages get the HTML one.
                String answer = ctx.result();
                if (ctx.path().startsWith("/api/") && answer != null && !answer.isEmpty()) return;
                if (!Pages.rendered(ctx)) pages.notFound(ctx, "Nothing here: " + ctx.path());
            });
        });
        app.start();
        replayOrigin.listening(uiPort(), replayConnector.getLocalPort());
        return this;
    }

    private ServerConnector connector(Server server, HttpConfiguration http, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(options.bind());
        connector.setPort(port);
        return connector;
    }

    private int uiPort() {
        return uiConnector.getLocalPort();
    }

    /** The port the server listens on (the chosen one when started on port 0). */
    public int port() {
        return uiPort();
    }

    /** The port of the replay origin, where archived pages run (the chosen one when started on port 0). */
    public int replayPort() {
        return replayOrigin.port();
    }

    @Override
    public void close() {
        if (app == null || stopped) return;
        stopped = true;
        beforeStop.forEach(Runnable::run);
        app.stop();
    }
}
