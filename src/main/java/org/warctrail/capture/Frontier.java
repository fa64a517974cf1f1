package org.warctrail.capture;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The URLs to fetch: breadth-first by depth, one queue per host so each host is paused between
 * requests while others proceed. The seen-set is keyed by {@link UrlKey}, so a URL is queued once.
 */
final class Frontier {
    private record Entry(CrawlUrl url, long seq) {
    }

    private final Map<String, ArrayDeque<Entry>> queues = new HashMap<>();
    private final Map<String, Long> readyAt = new HashMap<>();
    private final Set<String> seen = new HashSet<>();
    private long seq;
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

    /** Pauses a host until the given {@link System#nanoTime()} value. */
    void pauseHost(String host, long untilNanos) {
        readyAt.put(host, untilNanos);
    }

    /**
     * The next URL of the least deep, earliest queued among hosts not paused at {@code nowNanos},
     * or null when every host with queued URLs is paused (or nothing is queued).
     */
    CrawlUrl poll(long nowNanos) {
        ArrayDeque<Entry> best = null;
        for (Map.Entry<String, ArrayDeque<Entry>> q : queues.entrySet()) {
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
        CrawlUrl next = best.pollFirst().url();
        if (best.isEmpty()) {
            queues.remove(next.host());
        }
        size--;
        return next;
    }

    /** Nanoseconds until some host with queued URLs is no longer paused (0 if one is ready now). */
    long nanosUntilReady(long nowNanos) {
        long min = Long.MAX_VALUE;
        for (String host : queues.keySet()) {
            Long ready = readyAt.get(host);
            long wait = ready == null ? 0 : Math.max(0, ready - nowNanos);
            min = Math.min(min, wait);
        }
        return min == Long.MAX_VALUE ? 0 : min;
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }
}
