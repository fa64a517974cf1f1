package org.warctrail.capture;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The URLs to fetch: breadth-first by depth, one queue per host so each host is paused between
 * requests while others proceed. A host is <em>busy</em> while a request to it is under way, then paused for its
 * delay: a host is never offered while either holds, so it has one request at a time. The seen-set is keyed by
 * {@link UrlKey}, so a URL is queued once.
 */
final class Frontier {
    private record Entry(CrawlUrl url, long seq) {
    }

    private final Map<String, ArrayDeque<Entry>> queues = new HashMap<>();
    private final Map<String, Long> readyAt = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private final Set<String> busy = new HashSet<>();
    private long seq;
    /** The entry {@link #poll} returned last, so that {@link #undoPoll} puts it back as it was. */
    private Entry lastPolled;
    private int size;

    /** Queues a URL unless it was queued before; returns whether it was queued. */
    boolean offer(CrawlUrl url) {
        if (!seen.add(UrlKey.of(url.url()))) {
            return false;
        }
        queues.computeIfAbsent(url.host(), h -> new ArrayDeque<>()).addLast(new Entry(url, seq++));
        size++;
        return true;
    }

    boolean seen(java.net.URI url) {
        return seen.contains(UrlKey.of(url));
    }

    /** Puts back a URL taken by {@link #poll}, at the head of its host's queue. */
    void putBack(CrawlUrl url) {
        queues.computeIfAbsent(url.host(), h -> new ArrayDeque<>()).addFirst(new Entry(url, -1));
        size++;
    }

    /** Puts back the URL {@link #poll} just returned, where it was: it comes next again, in the same order. */
    void undoPoll(CrawlUrl url) {
        if (lastPolled == null || lastPolled.url() != url) {
            throw new IllegalStateException("not the URL polled last: " + url.url());
        }
        queues.computeIfAbsent(url.host(), h -> new ArrayDeque<>()).addFirst(lastPolled);
        lastPolled = null;
        size++;
    }

    /** Pauses a host until the given {@link System#nanoTime()} value. */
    void pauseHost(String host, long untilNanos) {
        readyAt.put(host, untilNanos);
    }

    /** Marks a host busy: a request to it is under way, so none of its URLs is offered. */
    void busy(String host) {
        busy.add(host);
    }

    /** The request to a host ended: its URLs are offered again once its pause until {@code untilNanos} is over. */
    void release(String host, long untilNanos) {
        busy.remove(host);
        readyAt.put(host, untilNanos);
    }

    /**
     * The next URL of the least deep, earliest queued among hosts neither busy nor paused at {@code nowNanos},
     * or null when every host with queued URLs is busy or paused (or nothing is queued).
     */
    CrawlUrl poll(long nowNanos) {
        ArrayDeque<Entry> best = null;
        for (Map.Entry<String, ArrayDeque<Entry>> q : queues.entrySet()) {
            if (busy.contains(q.getKey())) {
                continue;
            }
            Long ready = readyAt.get(q.getKey());
            if (ready != null && ready - nowNanos > 0) {
                continue;
            }
            Entry head = q.getValue().peekFirst();
            Entry bestHead = best == null ? null : best.peekFirst();
            if (bestHead == null || head.url().depth() < bestHead.url().depth()
                    || (head.url().depth() == bestHead.url().depth() && head.seq() < bestHead.seq())) {
                best = q.getValue();
            }
        }
        if (best == null) {
            return null;
        }
        lastPolled = best.pollFirst();
        CrawlUrl next = lastPolled.url();
        if (best.isEmpty()) {
            queues.remove(next.host());
        }
        size--;
        return next;
    }

    /**
     * Nanoseconds until some host with queued URLs, not busy, is no longer paused (0 if one is ready now), or
     * {@link Long#MAX_VALUE} when there is none (nothing queued, or only for busy hosts).
     */
    long nanosUntilReady(long nowNanos) {
        long min = Long.MAX_VALUE;
        for (String host : queues.keySet()) {
            if (busy.contains(host)) {
                continue;
            }
            Long ready = readyAt.get(host);
            long wait = ready == null ? 0 : Math.max(0, ready - nowNanos);
            min = Math.min(min, wait);
        }
        return min;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
