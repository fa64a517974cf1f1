package org.warctrail.provenance;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The documents text-reuse detection compares a new document with. The index implements it over its tables. */
interface ReuseCorpus {
    Optional<ReuseDocument> document(long id);

    /** A document's URL alone, for decisions that need no text (an implementation may read less than the document). */
    default Optional<String> url(long id) {
        return document(id).map(ReuseDocument::url);
    }

    /** The URLs of several documents (absent ids left out): one read for many candidates. */
    default Map<Long, String> urls(Collection<Long> ids) {
        Map<Long, String> urls = new HashMap<>();
        for (long id : ids) url(id).ifPresent(u -> urls.put(id, u));
        return urls;
    }

    /**
     * How many documents of a site (host without "www."), one per URL, contain the passage (compared as
     * {@link MatchText} words, in order), counting up to {@code atMost} and stopping there. The passage is a line
     * of a document being detected; the index answers from per-site line counts kept as documents are recorded
     * (whole lines only), so that the cost does not grow with the site.
     */
    int siteDocumentsContaining(String site, String passage, int atMost);
}
