package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link QuoteCandidates} over documents held in memory, for tests and benchmarks: an inverted index of
 * {@link MatchText} words; a lookup takes the four rarest quote words the store knows and returns the documents
 * holding all but at most one of them, most first.
 */
public final class InMemoryQuoteCandidates implements QuoteCandidates {
    /** Guards the maps: a lock of its own, not this public object. */
    private final Object lock = new Object();
    private static final int RARE_WORDS = 4;

    private final List<QuoteCandidate> documents = new ArrayList<>();
    private final Map<String, int[]> postings = new HashMap<>(); // [count, doc, doc, ...]

    public void add(QuoteCandidate document) {
        synchronized (lock) {
            int id = documents.size();
            documents.add(document);
            Set<String> words = new HashSet<>(MatchText.of(document.text()).words());
            for (String word : words) {
                int[] list = postings.get(word);
                if (list == null) {
                    list = new int[4];
                } else if (list[0] + 1 == list.length) {
                    list = Arrays.copyOf(list, list.length * 2);
                }
                list[++list[0]] = id;
                postings.put(word, list);
            }
        }
    }

    public int size() {
        synchronized (lock) {
            return documents.size();
        }
    }

    @Override
    public List<QuoteCandidate> find(List<String> words, int limit) {
        synchronized (lock) {
            List<int[]> rare = new HashSet<>(words).stream().map(postings::get).filter(p -> p != null)
                    .sorted(Comparator.comparingInt(p -> p[0])).limit(RARE_WORDS).toList();
            if (rare.isEmpty()) return List.of();
            int need = rare.size() <= 2 ? 1 : rare.size() - 1;
            Map<Integer, Integer> hits = new HashMap<>();
            for (int[] list : rare) for (int k = 1; k <= list[0]; k++) hits.merge(list[k], 1, Integer::sum);
            return hits.entrySet().stream().filter(e -> e.getValue() >= need)
                    .sorted(Map.Entry.<Integer, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(limit).map(e -> documents.get(e.getKey())).toList();
        }
    }
}
