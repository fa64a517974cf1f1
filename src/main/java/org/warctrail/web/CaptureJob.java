package org.warctrail.web;

import io.javalin.http.sse.SseClient;
import java.util.ArrayList;
import java.util.List;

/**
 * One capture started from the UI: its events so far (replayed to late subscribers) and the clients following it.
 * The events of one capture are few (one per fetched resource), so they are kept for its whole life.
 */
public final class CaptureJob {
    /** A server-sent event: its name and its JSON data. */
    public record Event(String name, String data) {
    }

    /** The job as {@code GET /api/captures/jobs/{id}} shows it; {@code result} is null until it is done. */
    public record Status(long id, String url, int depth, String state, String error, CaptureReport result,
                         String events) {
    }

    private final long id;
    private final String url;
    private final int depth;
    private final List<Event> events = new ArrayList<>();
    private final List<SseClient> clients = new ArrayList<>();
    private String state = "queued";
    private String error;
    private CaptureReport result;

    CaptureJob(long id, String url, int depth) {
        this.id = id;
        this.url = url;
        this.depth = depth;
    }

    public long id() {
        return id;
    }

    public String url() {
        return url;
    }

    public int depth() {
        return depth;
    }

    public String eventsHref() {
        return "/api/captures/events?job=" + id;
    }

    public synchronized Status status() {
        return new Status(id, url, depth, state, error, result, eventsHref());
    }

    public synchronized boolean finished() {
        return state.equals("done") || state.equals("failed");
    }

    synchronized void running() {
        state = "running";
    }

    synchronized void publish(String name, Object data) {
        Event e = new Event(name, Json.write(data));
        events.add(e);
        for (SseClient c : List.copyOf(clients)) send(c, e);
    }

    synchronized void finish(CaptureReport summary, String failure, Object doneData) {
        result = summary;
        error = failure;
        state = failure == null ? "done" : "failed";
        publish(failure == null ? "done" : "error", doneData);
        for (SseClient c : List.copyOf(clients)) c.close();
        clients.clear();
    }

    /** Sends what happened so far, then follows the job until it ends (or closes at once if it has). */
    synchronized void follow(SseClient client) {
        for (Event e : events) send(client, e);
        if (finished()) {
            client.close();
            return;
        }
        clients.add(client);
        client.onClose(() -> {
            synchronized (this) {
                clients.remove(client);
            }
        });
        client.keepAlive();
    }

    private void send(SseClient client, Event e) {
        if (!client.terminated()) client.sendEvent(e.name(), e.data());
    }
}
