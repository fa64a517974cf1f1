package org.warctrail.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Chrome DevTools Protocol client over one WebSocket (the browser's endpoint, sessions multiplexed by
 * {@code sessionId} as {@code Target.attachToTarget} with {@code flatten} gives them). Commands are answered by id;
 * events go to the handlers registered for their method, on one dispatching thread and in the order received, so a
 * handler that sends a command and waits for its answer must hand its work to another thread.
 */
final class DevToolsConnection implements AutoCloseable {
    /** A protocol event: its method, parameters and the session it belongs to (null for the browser's). */
    record Event(String method, JsonNode params, String sessionId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Event>>> handlers = new ConcurrentHashMap<>();
    private final ExecutorService dispatch = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warctrail-devtools-events");
        t.setDaemon(true);
        return t;
    });
    private volatile String closedBecause;

    private DevToolsConnection(URI endpoint, WebSocket.Builder builder) throws IOException {
        this.endpoint = endpoint;
        try {
            this.socket = builder.buildAsync(endpoint, new Listener()).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            dispatch.shutdownNow();
            throw new IOException("cannot connect to the browser's DevTools at " + endpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dispatch.shutdownNow();
            throw new IOException("interrupted connecting to " + endpoint, e);
        }
    }

    /** Connects to a browser's DevTools WebSocket ({@code ws://127.0.0.1:PORT/devtools/browser/ID}). */
    static DevToolsConnection open(URI endpoint) throws IOException {
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        return new DevToolsConnection(endpoint, client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)));
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    /** Registers a handler for an event method ("Fetch.requestPaused"), for every session. */
    void on(String method, Consumer<Event> handler) {
        handlers.computeIfAbsent(method, m -> new CopyOnWriteArrayList<>()).add(handler);
    }

    /** Sends a command without waiting; the future holds its {@code result}, or fails with the protocol's error. */
    CompletableFuture<JsonNode> send(String method, ObjectNode params, String sessionId) {
        long id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", params == null ? params() : params);
        if (sessionId != null) message.put("sessionId", sessionId);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        if (closedBecause != null) {
            answer.completeExceptionally(new IOException(method + ": " + closedBecause));
            return answer;
        }
        waiting.put(id, answer);
        String text;
        try {
            text = JSON.writeValueAsString(message);
        } catch (IOException e) {
            waiting.remove(id);
            answer.completeExceptionally(e);
            return answer;
        }
        synchronized (socket) { // one message at a time: sendText may not be called while a send is pending
            socket.sendText(text, true).join();
        }
        return answer;
    }

    /** Sends a command and waits for its result. */
    JsonNode call(String method, ObjectNode params, String sessionId, Duration timeout) throws IOException {
        try {
            return send(method, params, sessionId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io : new IOException(method + ": " + cause.getMessage(), cause);
        } catch (TimeoutException e) {
            throw new IOException(method + ": no answer from the browser within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(method + ": interrupted", e);
        }
    }

    @Override
    public void close() {
        closed("connection closed");
        socket.abort();
        dispatch.shutdownNow();
    }

    private void closed(String why) {
        if (closedBecause == null) closedBecause = why;
        for (CompletableFuture<JsonNode> answer : waiting.values()) {
            answer.completeExceptionally(new IOException("browser DevTools at " + endpoint + ": " + why));
        }
        waiting.clear();
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            return; // not JSON: nothing the protocol sends
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = waiting.remove(message.get("id").asLong());
            if (answer == null) return;
            JsonNode error = message.get("error");
            if (error != null) {
                answer.completeExceptionally(new IOException(error.path("message").asText("protocol error")));
            } else {
                answer.complete(message.path("result"));
            }
            return;
        }
        String method = message.path("method").asText(null);
        List<Consumer<Event>> forMethod = method == null ? null : handlers.get(method);
        if (forMethod == null) return;
        String session = message.hasNonNull("sessionId") ? message.get("sessionId").asText() : null;
        Event event = new Event(method, message.path("params"), session);
        dispatch.execute(() -> forMethod.forEach(h -> h.accept(event)));
    }

    /** Joins a message's fragments (screenshots arrive in many) and hands it on. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed("closed by the browser (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed("connection failed: " + error.getMessage());
        }
    }
}
