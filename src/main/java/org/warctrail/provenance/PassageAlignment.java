package org.warctrail.provenance;

import java.util.List;

/**
 * The passages two texts share, in target order, and the share of each text's words they cover (0..1).
 */
record PassageAlignment(List<Passage> passages, double sourceShare, double targetShare, int sourceWords,
                               int targetWords) {
    public PassageAlignment {
        passages = List.copyOf(passages);
    }

    public boolean isEmpty() {
        return passages.isEmpty();
    }

    public int sharedWords() {
        return passages.stream().mapToInt(Passage::words).sum();
    }
}
