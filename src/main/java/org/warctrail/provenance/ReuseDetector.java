package org.warctrail.provenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.index.ReuseTables;

/**
 * Text reuse for a new document: LSH band keys → candidate documents (bucket lookups only, so the cost per
 * document does not grow with the store) → exact passage alignment with each of the best candidates → a
 * {@link Reuse} per document it shares passages with, directed from the earlier to the later.
 *
 * <p>Boilerplate: between two pages of the same site, a line of text (a paragraph, a footer line) within a shared
 * passage counts only if it is not site-wide, that is if fewer than {@code siteWideDocuments} (default 3)
 * documents of the site contain it; a footer or a disclaimer every post carries thus never makes reuse, while one
 * post copying another from the same site still does. Candidates sharing a single band key are not aligned at all
 * (that key is most often a common phrase's), nor those of the same site sharing fewer than 6 (most often its
 * boilerplate's). Pairs across sites are never filtered by lines: a passage two sites share is reuse, however
 * common on either.
 */
public final class ReuseDetector {
    /** Documents read per band key: bounds the lookup when a key is shared by a whole site's boilerplate. */
    public static final int PER_KEY_LIMIT = ReuseTables.BUCKET_LIMIT;
    /** Band keys a candidate shares with the document at least to be aligned. */
    static final int MIN_SHARED_KEYS = 2;
    /** Band keys a candidate of the same site shares with the document at least to be aligned. */
    static final int MIN_SHARED_KEYS_SAME_SITE = 6;

    private final ReuseCandidates bands;
    private final ReuseCorpus corpus;
    private final PassageAligner aligner;
    private final int maxCandidates;
    private final int siteWideDocuments;

    public ReuseDetector(ReuseCandidates bands, ReuseCorpus corpus) {
        this(bands, corpus, new PassageAligner(), 24, 3);
    }

    /**
     * @param maxCandidates     at most this many candidates (those sharing the most band keys) are aligned
     * @param siteWideDocuments a same-site passage found in this many documents of the site is boilerplate
     */
    public ReuseDetector(ReuseCandidates bands, ReuseCorpus corpus, PassageAligner aligner, int maxCandidates,
                         int siteWideDocuments) {
        this.bands = bands;
        this.corpus = corpus;
        this.aligner = aligner;
        this.maxCandidates = maxCandidates;
        this.siteWideDocuments = siteWideDocuments;
    }

    /** Detects the reuse between a new document and those already filed, then files it. */
    public List<Reuse> add(ReuseDocument document) {
        MatchText text = MatchText.of(document.text());
        long[] keys = ReuseSignature.bandKeys(text);
        List<Reuse> found = detect(document, text, keys);
        bands.put(document.id(), keys);
        return found;
    }

    /** The reuse between a document and those filed, without filing it. */
    public List<Reuse> detect(ReuseDocument document) {
        MatchText text = MatchText.of(document.text());
        return detect(document, text, ReuseSignature.bandKeys(text));
    }

    /** The reuse between a document (its text and band keys given) and those filed, without filing it. */
    public List<Reuse> detect(ReuseDocument document, MatchText text, long[] keys) {
        List<Reuse> found = new ArrayList<>();
        if (keys.length == 0) return found;
        Map<Long, Integer> candidates = bands.candidates(keys, PER_KEY_LIMIT);
        candidates.remove(document.id());
        // One MinHash value in common of 32 is what two texts sharing a common phrase have: not worth an
        // alignment, nor a look at its URL. Reuse of a few paragraphs shares several (a Jaccard similarity of 0.2
        // shares 2 or more with probability 0.99).
        List<Map.Entry<Long, Integer>> best = new ArrayList<>(candidates.entrySet());
        best.removeIf(c -> c.getValue() < MIN_SHARED_KEYS);
        best.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<Long, String> urls = corpus.urls(best.stream().map(Map.Entry::getKey).toList());
        int aligned = 0;
        for (Map.Entry<Long, Integer> candidate : best) {
            if (aligned == maxCandidates) break;
            Optional<String> url = Optional.ofNullable(urls.get(candidate.getKey()));
            if (url.isEmpty() || !worthAligning(candidate.getValue(), document.url(), url.get())) continue;
            Optional<ReuseDocument> other = corpus.document(candidate.getKey());
            if (other.isEmpty()) continue;
            aligned++;
            reuse(document, text, other.get()).ifPresent(found::add);
        }
        found.sort(Comparator.comparingInt(Reuse::words).reversed());
        return found;
    }

    /**
     * Whether a candidate sharing {@code sharedKeys} band keys with a document is aligned with it: never another
     * capture of the same page (a version of it, see versions, not reuse); at least {@value #MIN_SHARED_KEYS} keys,
     * and {@value #MIN_SHARED_KEYS_SAME_SITE} between pages of one site, which share their boilerplate's MinHash
     * values (a footer's are the same on every page): a few keys in common are that, more are copying.
     */
    public static boolean worthAligning(int sharedKeys, String url, String candidateUrl) {
        if (sharedKeys < MIN_SHARED_KEYS || UrlKey.of(candidateUrl).equals(UrlKey.of(url))) return false;
        return sharedKeys >= MIN_SHARED_KEYS_SAME_SITE || !UrlKey.site(candidateUrl).equals(UrlKey.site(url));
    }

    /** The reuse between two documents, directed by date, after removing site-wide boilerplate; empty if none. */
    public Optional<Reuse> reuse(ReuseDocument a, MatchText aText, ReuseDocument b) {
        boolean aFirst = earlier(a, b);
        ReuseDocument source = aFirst ? a : b;
        ReuseDocument target = aFirst ? b : a;
        MatchText bText = MatchText.of(b.text());
        MatchText sourceText = aFirst ? aText : bText;
        MatchText targetText = aFirst ? bText : aText;
        PassageAlignment alignment = aligner.align(sourceText, targetText);
        if (alignment.isEmpty()) return Optional.empty();
        if (!target.site().isEmpty() && target.site().equals(source.site())) {
            String masked = withoutSiteWideLines(target, alignment.passages());
            if (masked != null) alignment = aligner.align(sourceText, MatchText.of(masked));
            if (alignment.isEmpty()) return Optional.empty();
        }
        int words = alignment.sharedWords();
        return Optional.of(new Reuse(source.id(), source.url(), target.id(), target.url(), alignment.passages(), words,
                (double) words / Math.max(1, sourceText.size()), (double) words / Math.max(1, targetText.size())));
    }

    /**
     * The target's text with the lines that are site-wide boilerplate blanked out (offsets kept), when a shared
     * passage touches any; null when none does. Lines, not passages, are checked, as a footer often follows the
     * copied text directly and aligns as one passage with it.
     */
    private String withoutSiteWideLines(ReuseDocument target, List<Passage> passages) {
        String text = target.text();
        char[] masked = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = text.length();
            int from = lineStart;
            int to = lineEnd;
            boolean shared = passages.stream().anyMatch(p -> p.targetStart() < to && p.targetEnd() > from);
            if (shared && !text.substring(from, to).isBlank()
                    && corpus.siteDocumentsContaining(target.site(), text.substring(from, to), siteWideDocuments)
                    >= siteWideDocuments) {
                if (masked == null) masked = text.toCharArray();
                Arrays.fill(masked, from, to, ' ');
            }
            lineStart = lineEnd + 1;
        }
        return masked == null ? null : new String(masked);
    }

    /** Whether a is the earlier: published date, else first capture; unknown dates last; then the lower id. */
    static boolean earlier(ReuseDocument a, ReuseDocument b) {
        int byTime = TimeOrder.EARLIEST_FIRST.compare(time(a), time(b));
        if (byTime != 0) return byTime < 0;
        return a.id() < b.id();
    }

    private static Instant time(ReuseDocument d) {
        Instant published = TimeOrder.instant(d.published());
        return published != null ? published : TimeOrder.instant(d.firstCapture());
    }
}
