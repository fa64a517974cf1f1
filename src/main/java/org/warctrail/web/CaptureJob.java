package org.warctrail.web;

import io.javalin.http.sse.SseClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One capture started from the UI: its events so far (replayed to late subscribers) and the clients following it.
 * The events of one capture are few (one per fetched resource), so they are kept for its whole life.
 *
 * <p>Threads: the crawler publishes; each following client is served by its own request thread, which drains
 * the client's bounded queue. Publishing only offers to those queues, so a tab that reads slowly (or not at all)
 * never slows the crawler: when its queue is full it is dropped, and its browser reconnects and gets the replay.
 */
final class CaptureJob {
    /** Guards this object's state: a lock of its own, not this public object. */
    private final Object lock = new Object();

    /** Events one client may lag behind before it is dropped. */
    static final int QUEUE = 512;
    /** Clients one job serves at once (each holds a request thread while it follows). */
    static final int MAX_FOLLOWERS = 16;
    private static final Event END = new Event("", "");
    private static final long POLL_MILLIS = 1000;

    /** A server-sent event: its name and its JSON data. */
    public record Event(String name, String data) {
    }

    /** The job as {@code GET /api/captures/jobs/{id}} shows it; {@code result} is null until it is done. */
    public record Status(long id, String url, int depth, CaptureJobState state, String error, CaptureReport result,
                         String events) {
    }

    /** One following client's queue. */
    private static final class Follower {
        final BlockingQueue<Event> queue = new ArrayBlockingQueue<>(QUEUE);
        volatile boolean dropped;
    }

    private final long id;
    private final String url;
    private final int depth;
    private final List<Event> events = new ArrayList<>();
    private final List<Follower> followers = new ArrayList<>();
    private final AtomicInteger following = new AtomicInteger();
    /** Set when the server stops: streams end and new ones are not followed. */
    private boolean streamsEnded;
    private CaptureJobState state = CaptureJobState.QUEUED;
    private String error;
    private CaptureReport result;
    private Instant finishedAt;

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

    public Status status() {
        synchronized (lock) {
            return new Status(id, url, depth, state, error, result, eventsHref());
        }
    }

    public boolean finished() {
        synchronized (lock) {
            return state.finished();
        }
    }

    /** When the job ended, or null while it runs. */
    Instant finishedAt() {
        synchronized (lock) {
            return finishedAt;
        }
    }

    void running() {
        synchronized (lock) {
            state = CaptureJobState.RUNNING;
        }
    }

    void publish(String name, Object data) {
        synchronized (lock) {
            Event e = new Event(name, Json.write(data));
            events.add(e);
            offerAll(e);
        }
    }

    void finish(CaptureReport summary, String failure, Object doneData, Instant at) {
        synchronized (lock) {
            result = summary;
            error = failure;
            state = failure == null ? CaptureJobState.DONE : CaptureJobState.FAILED;
            finishedAt = at;
            publish(failure == null ? "done" : "error", doneData);
            offerAll(END);
            followers.clear();
        }
    }

    /**
     * Ends every stream of this job and refuses new ones: the server is stopping, and a stream that ended after
     * Jetty recycled its request would make Javalin log errors. Each stream returns within its poll interval.
     */
    void endStreams() {
        synchronized (lock) {
            streamsEnded = true;
            for (Follower f : followers) {
                if (!f.queue.offer(END)) f.dropped = true;
            }
            followers.clear();
        }
    }

    /** Never blocks: a follower whose queue is full is dropped. */
    private void offerAll(Event e) {
        for (Iterator<Follower> it = followers.iterator(); it.hasNext(); ) {
            Follower f = it.next();
            if (!f.queue.offer(e)) {
                f.dropped = true;
                it.remove();
            }
        }
    }

    /**
     * Sends what happened so far, then follows the job until it ends, the client leaves, or the client falls
     * too far behind; runs on the client's request thread and returns when the stream should close.
     */
    void follow(SseClient client) {
        following.incrementAndGet();
        try {
            stream(client);
        } finally {
            following.decrementAndGet();
        }
    }

    /** How many clients are inside {@link #follow} now (a stopped server must wait for them to return). */
    int following() {
        return following.get();
    }

    private void stream(SseClient client) {
        List<Event> replay;
        Follower follower = new Follower();
        synchronized (lock) {
            if (streamsEnded) return;
            replay = List.copyOf(events);
            if (!finished()) {
                if (followers.size() >= MAX_FOLLOWERS) {
                    client.sendEvent("error", Json.write(Map.of("error", "too many clients follow this capture; "
                            + "see " + "/api/captures/jobs/" + id)));
                    return;
                }
                followers.add(follower);
            }
        }
        try {
            for (Event e : replay) {
                if (!send(client, e)) return;
            }
            if (replay.size() > 0 && isEnd(replay.get(replay.size() - 1))) return;
            while (!follower.dropped) {
                Event e = follower.queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (e == END) return;
                if (e == null) {
                    if (client.terminated()) return;
                    continue;
                }
                if (!send(client, e)) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (lock) {
                followers.remove(follower);
            }
        }
    }

    private static boolean isEnd(Event e) {
        return e.name().equals("done") || e.name().equals("error");
    }

    private static boolean send(SseClient client, Event e) {
        if (client.terminated()) return false;
        client.sendEvent(e.name(), e.data());
        return !client.terminated();
    }
}
