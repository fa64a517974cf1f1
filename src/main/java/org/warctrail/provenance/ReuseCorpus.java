package org.warctrail.provenance;

import java.util.Optional;

/** The documents text-reuse detection compares a new document with. The index implements it over its tables. */
public interface ReuseCorpus {
    Optional<ReuseDocument> document(long id);

    /**
     * How many documents of a site (host without "www.") contain the passage (compared as {@link MatchText}
     * words, in order), counting up to {@code atMost} and stopping there.
     */
    int siteDocumentsContaining(String site, String passage, int atMost);
}
