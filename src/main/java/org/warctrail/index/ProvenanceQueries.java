package org.warctrail.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warctrail.extract.Link;
import org.warctrail.extract.Quote;

/**
 * The reads provenance makes of the index: what is known of a URL, the links of its capture nearest in time,
 * and full-text candidates for a quote (picked by the quote's rarest words, from the FTS5 vocabulary).
 */
public final class ProvenanceQueries {
    /** Rarest words a quote lookup uses; a document needs all but one of them (the quote may have a changed word). */
    private static final int RARE_WORDS = 4;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private final CaptureIndex index;

    public ProvenanceQueries(CaptureIndex index) {
        this.index = index;
    }

    public UrlNode node(String url) {
        String surt = SurtKey.of(url);
        // The latest HTTP capture of any status: a source that answered 404 was tried, not forgotten.
        Optional<Object[]> attempt = index.query("SELECT status, timestamp FROM captures WHERE surt = ? AND status >= 100 "
                + "ORDER BY timestamp DESC, id DESC LIMIT 1", List.of(surt),
                rs -> new Object[] {rs.getInt(1), rs.getString(2)}).stream().findFirst();
        Integer lastStatus = attempt.map(a -> (Integer) a[0]).orElse(null);
        String lastAttempt = attempt.map(a -> (String) a[1]).orElse(null);
        List<String[]> span = index.query("SELECT MIN(timestamp), MAX(timestamp) FROM captures WHERE surt = ? "
                + "AND status < 400", List.of(surt), rs -> new String[] {rs.getString(1), rs.getString(2)});
        if (span.isEmpty() || span.get(0)[0] == null) {
            return new UrlNode(url, null, null, null, false, null, null, lastStatus, lastAttempt);
        }
        String last = index.query("SELECT url FROM captures WHERE surt = ? AND status < 400 "
                + "ORDER BY timestamp DESC, id DESC LIMIT 1", List.of(surt), rs -> rs.getString(1)).get(0);
        Optional<String[]> document = index.query("SELECT title, site_name, published FROM documents WHERE surt = ? "
                        + "ORDER BY (title IS NULL), timestamp DESC, id DESC LIMIT 1", List.of(surt),
                rs -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).stream().findFirst();
        return new UrlNode(last, document.map(d -> d[0]).orElse(null), document.map(d -> d[1]).orElse(null),
                document.map(d -> d[2]).orElse(null), true, span.get(0)[0], span.get(0)[1], lastStatus, lastAttempt);
    }

    /**
     * The URL's capture nearest to {@code timestamp} (14 digits, null for the latest), a revisit resolved to the
     * response it stands for, with its document's links; empty when the URL has no capture.
     */
    public Optional<CapturedLinks> links(String url, String timestamp) {
        Optional<CaptureRow> nearest = index.closest(url, timestamp == null ? "99991231235959" : timestamp);
        if (nearest.isEmpty()) return Optional.empty();
        CaptureRow row = index.resolveRevisit(nearest.get()).orElse(nearest.get());
        List<Link> links = index.query("SELECT d.id, l.links FROM links l JOIN documents d ON d.id = l.document_id "
                + "WHERE d.capture_id = ?", List.of(row.id()), rs -> PackedLinks.unpack(rs.getBytes(2), rs.getLong(1)))
                .stream().findFirst().orElse(List.of());
        return Optional.of(new CapturedLinks(row, links));
    }

    /** The documents of a URL (SURT match), oldest capture first, with their text: the versions of its page. */
    public List<CandidateDocument> documents(String url) {
        return index.query("SELECT id, url, timestamp, published, title, site_name, text FROM documents WHERE surt = ? "
                + "ORDER BY timestamp, id", List.of(SurtKey.of(url)), rs -> new CandidateDocument(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                List.of()));
    }

    /**
     * Documents likely to contain a quote, given its words (lower case): the {@value #RARE_WORDS} rarest words
     * the index knows are looked up, and documents holding all but one of them returned, best (bm25) first.
     * Words the index does not know (a typo, a changed word) are left out of the lookup.
     */
    public List<CandidateDocument> quoteCandidates(List<String> words, int limit) {
        record Term(String term, long documents) {
        }
        List<Term> terms = new ArrayList<>();
        for (String word : new LinkedHashSet<>(words)) {
            String term = MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
            List<Long> df = index.query("SELECT doc FROM documents_vocab WHERE term = ?", List.of(term),
                    rs -> rs.getLong(1));
            if (!df.isEmpty() && df.get(0) > 0) terms.add(new Term(term, df.get(0)));
        }
        if (terms.isEmpty()) return List.of();
        terms.sort(Comparator.comparingLong(Term::documents));
        List<String> rare = terms.subList(0, Math.min(RARE_WORDS, terms.size())).stream()
                .map(t -> "\"" + t.term.replace("\"", "\"\"") + "\"").toList();
        String match = rare.size() <= 2 ? String.join(" OR ", rare) : allButOne(rare);
        List<CandidateDocument> found = index.query("SELECT d.id, d.url, d.timestamp, d.published, d.title, "
                + "d.site_name, d.text FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                + "WHERE documents_fts MATCH ? ORDER BY bm25(documents_fts), d.id LIMIT ?", List.of(match, limit),
                rs -> new CandidateDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), List.of()));
        List<CandidateDocument> withQuotes = new ArrayList<>(found.size());
        for (CandidateDocument d : found) {
            List<Quote> quotes = index.query("SELECT text, speaker, start, \"end\" FROM quotes WHERE document_id = ? "
                    + "ORDER BY start", List.of(d.id()), rs -> new Quote(rs.getString(1), rs.getString(2),
                    rs.getInt(3), rs.getInt(4)));
            withQuotes.add(new CandidateDocument(d.id(), d.url(), d.timestamp(), d.published(), d.title(),
                    d.siteName(), d.text(), quotes));
        }
        return withQuotes;
    }

    /** (a AND b AND c) OR (a AND b AND d) OR ...: every combination leaving one term out. */
    private static String allButOne(List<String> terms) {
        List<String> clauses = new ArrayList<>();
        for (int skip = 0; skip < terms.size(); skip++) {
            List<String> kept = new ArrayList<>(terms);
            kept.remove(skip);
            clauses.add("(" + String.join(" AND ", kept) + ")");
        }
        return String.join(" OR ", clauses);
    }
}
