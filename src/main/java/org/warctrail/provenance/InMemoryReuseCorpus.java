package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ReuseCorpus} over documents held in memory, for tests and benchmarks. */
public final class InMemoryReuseCorpus implements ReuseCorpus {
    /** Guards the maps: a lock of its own, not this public object. */
    private final Object lock = new Object();
    private final Map<Long, ReuseDocument> documents = new HashMap<>();
    private final Map<String, List<Long>> bySite = new HashMap<>();
    private final Map<Long, String> normalised = new HashMap<>();

    public void add(ReuseDocument document) {
        synchronized (lock) {
            if (documents.put(document.id(), document) == null) {
                bySite.computeIfAbsent(document.site(), s -> new ArrayList<>()).add(document.id());
            }
        }
    }

    @Override
    public Optional<ReuseDocument> document(long id) {
        synchronized (lock) {
            return Optional.ofNullable(documents.get(id));
        }
    }

    @Override
    public int siteDocumentsContaining(String site, String passage, int atMost) {
        synchronized (lock) {
            String needle = " " + MatchText.normalise(passage) + " ";
            int count = 0;
            for (long id : bySite.getOrDefault(site, List.of())) {
                if (count >= atMost) break;
                String text = normalised.computeIfAbsent(id, k -> " " + MatchText.normalise(documents.get(k).text()) + " ");
                if (text.contains(needle)) count++;
            }
            return count;
        }
    }
}
