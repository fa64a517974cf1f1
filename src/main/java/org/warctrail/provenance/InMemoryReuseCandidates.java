package org.warctrail.provenance;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link ReuseCandidates} in memory, in primitive arrays (an open-addressing table of keys to chains of entries),
 * so a hundred thousand documents of 64 keys each fit in a few hundred megabytes.
 */
public final class InMemoryReuseCandidates implements ReuseCandidates {
    /** Guards the maps: a lock of its own, not this public object. */
    private final Object lock = new Object();
    private long[] tableKeys = new long[1 << 16];
    private int[] tableHeads = new int[1 << 16]; // entry index + 1 of the newest entry of the key; 0 = empty slot
    private int used;
    private long[] entryDocs = new long[1 << 16];
    private int[] entryNext = new int[1 << 16]; // entry index + 1 of the next entry of the same key; 0 = end
    private int entries;

    @Override
    public void put(long documentId, long[] bandKeys) {
        synchronized (lock) {
            for (long key : bandKeys) {
                if ((used + 1) * 2 > tableKeys.length) grow();
                int slot = slot(key);
                if (tableHeads[slot] == 0) {
                    tableKeys[slot] = key;
                    used++;
                }
                if (entries == entryDocs.length) {
                    entryDocs = Arrays.copyOf(entryDocs, entries * 2);
                    entryNext = Arrays.copyOf(entryNext, entries * 2);
                }
                entryDocs[entries] = documentId;
                entryNext[entries] = tableHeads[slot];
                tableHeads[slot] = ++entries;
            }
        }
    }

    @Override
    public Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit) {
        synchronized (lock) {
            Map<Long, Integer> found = new HashMap<>();
            for (long key : bandKeys) {
                int slot = slot(key);
                int read = 0;
                for (int e = tableHeads[slot]; e != 0 && read < perKeyLimit; e = entryNext[e - 1], read++) {
                    found.merge(entryDocs[e - 1], 1, Integer::sum);
                }
            }
            return found;
        }
    }

    /** How many (key, document) entries the table holds. */
    public int size() {
        synchronized (lock) {
            return entries;
        }
    }

    private int slot(long key) {
        int mask = tableKeys.length - 1;
        int slot = (int) Shingles.mix(key) & mask;
        while (tableHeads[slot] != 0 && tableKeys[slot] != key) slot = (slot + 1) & mask;
        return slot;
    }

    private void grow() {
        long[] oldKeys = tableKeys;
        int[] oldHeads = tableHeads;
        tableKeys = new long[oldKeys.length * 2];
        tableHeads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldHeads[i] == 0) continue;
            int slot = slot(oldKeys[i]);
            tableKeys[slot] = oldKeys[i];
            tableHeads[slot] = oldHeads[i];
        }
    }
}
