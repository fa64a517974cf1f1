package org.warctrail.versions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.Quote;

/**
 * Compares two versions of a URL. In order: a change of what the URL answers (a status or a redirect) is
 * reported as such; an identical payload digest is no change; otherwise the extracted documents are
 * compared: paragraphs aligned by similarity then diffed word by word, metadata fields, numbers changed in
 * place, quotes and links. A failed capture (5xx, or an unreadable HTTP head) is flagged as such and never reported as a change; callers
 * compare the next capture with the last one that did not fail ({@link VersionSequence} does). A pure function of its two arguments, safe to share between threads.
 */
public final class VersionDiffer {

    public VersionDiff diff(Version from, Version to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.failed()) return failed(from, to);
        if (!answer(from).equals(answer(to))) return answerChanged(from, to);
        boolean samePayload = from.digest() != null && from.digest().equals(to.digest());
        if (!from.answersOk()) {
            String still = from.redirects() && from.redirect() != null ? "still redirects to " + from.redirect()
                    : "still answers " + from.status();
            return unchanged(from, to, samePayload ? ChangeKind.IDENTICAL : ChangeKind.ARTICLE_UNCHANGED,
                    "no change (" + still + ")", List.of());
        }
        if (samePayload) {
            return unchanged(from, to, ChangeKind.IDENTICAL, "no change (identical payload)", List.of("payload identical"));
        }
        Document a = from.document();
        Document b = to.document();
        if (a == null || b == null) return withoutText(from, to);
        return compareDocuments(from, to, a, b);
    }

    private static VersionDiff failed(Version from, Version to) {
        return new VersionDiff(from.url(), VersionRef.of(from), VersionRef.of(to), false,
                "capture failed (" + to.failure() + "); not a change", List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), ChangeKind.FAILED, false, false,
                !Objects.equals(from.digest(), to.digest()), 0.0, List.of());
    }

    /** What a URL answers, for comparing: ok, a redirect to a target, or an error status. */
    private static String answer(Version v) {
        if (v.answersOk()) return "ok";
        if (v.redirects()) return "redirect " + v.redirect();
        return "status " + v.status();
    }

    private static VersionDiff answerChanged(Version from, Version to) {
        List<FieldChange> fields = new ArrayList<>();
        if (from.status() != to.status()) {
            fields.add(new FieldChange("status", String.valueOf(from.status()), String.valueOf(to.status()), false));
        }
        if (!Objects.equals(from.redirect(), to.redirect())) {
            fields.add(new FieldChange("redirect", from.redirect(), to.redirect(), false));
        }
        String summary;
        ChangeKind kind;
        if (to.redirects()) {
            kind = ChangeKind.REDIRECT;
            String target = to.redirect() == null ? "an unknown location" : to.redirect();
            summary = "now redirects to " + target
                    + (from.redirects() && from.redirect() != null ? " (was " + from.redirect() + ")" : "");
        } else if (!to.answersOk()) {
            kind = ChangeKind.STATUS;
            summary = "now answers " + to.status();
        } else {
            kind = ChangeKind.STATUS;
            summary = from.redirects() ? "no longer redirects (answers " + to.status() + ")"
                    : "answers " + to.status() + " again (was " + from.status() + ")";
        }
        return new VersionDiff(from.url(), VersionRef.of(from), VersionRef.of(to), true, summary, fields,
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                kind, true, false, !Objects.equals(from.digest(), to.digest()), 1.0, List.of());
    }

    private static VersionDiff unchanged(Version from, Version to, ChangeKind kind, String summary,
                                         List<String> other) {
        return new VersionDiff(from.url(), VersionRef.of(from), VersionRef.of(to), false, summary, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                kind, false, false, kind != ChangeKind.IDENTICAL, 0.0, other);
    }

    /** A payload that changed but has no extracted text on one side or both (an image, a binary file). */
    private static VersionDiff withoutText(Version from, Version to) {
        String summary = from.document() == null && to.document() == null ? "payload changed (no text to compare)"
                : to.document() == null ? "payload changed (no text extracted from the new version)"
                : "payload changed (no text extracted from the old version)";
        return new VersionDiff(from.url(), VersionRef.of(from), VersionRef.of(to), true, summary, List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                ChangeKind.SUBSTANTIVE, true, true, true, 1.0, List.of());
    }

    private static VersionDiff compareDocuments(Version from, Version to, Document a, Document b) {
        List<FieldChange> fields = MetadataFields.compare(a, b);
        List<NumberChange> numbers = new ArrayList<>();
        Set<String> minorReasons = new LinkedHashSet<>();
        boolean articleChanged = false;
        boolean substantive = false;
        for (FieldChange f : fields) {
            if (!MetadataFields.isArticle(f.name())) continue;
            articleChanged = true;
            if (f.minor()) minorReasons.add(f.name().equals(MetadataFields.TITLE) ? "headline typo" : f.name());
            else substantive = true;
            if (f.name().equals(MetadataFields.TITLE) && f.from() != null && f.to() != null) {
                numbers.addAll(WordDiff.compare(f.from(), f.to(), "title").numbers());
            }
        }

        List<String> pa = paragraphs(a.text());
        List<String> pb = paragraphs(b.text());
        List<ParagraphChange> paragraphs = new ArrayList<>();
        Set<String> deletedKeys = new HashSet<>();
        Set<String> insertedKeys = new HashSet<>();
        List<ParagraphAligner.Pair> pairs = ParagraphAligner.align(pa, pb);
        for (ParagraphAligner.Pair p : pairs) {
            if (p.to() < 0) deletedKeys.add(collapse(pa.get(p.from())));
            if (p.from() < 0) insertedKeys.add(collapse(pb.get(p.to())));
        }
        long changedTokens = 0;
        int explained = 0;
        for (ParagraphAligner.Pair p : pairs) {
            if (p.from() < 0 || p.to() < 0) {
                boolean insert = p.from() < 0;
                String text = insert ? pb.get(p.to()) : pa.get(p.from());
                boolean moved = (insert ? deletedKeys : insertedKeys).contains(collapse(text));
                if (moved) minorReasons.add(MinorEdit.MOVED);
                else changedTokens += WordTokenizer.count(text);
                paragraphs.add(new ParagraphChange(insert ? ParagraphOp.INSERT : ParagraphOp.DELETE,
                        insert ? null : text, insert ? text : null, p.from(), p.to(), moved ? 0.0 : 1.0,
                        moved, moved ? List.of(MinorEdit.MOVED) : List.of(), List.of()));
                substantive |= !moved;
            } else {
                String f = pa.get(p.from());
                String t = pb.get(p.to());
                WordDiff w = WordDiff.compare(f, t, "text");
                changedTokens += w.changedTokens();
                numbers.addAll(w.numbers());
                if (w.explainedByNumbers()) explained++;
                if (w.minor()) minorReasons.addAll(w.reasons());
                else substantive = true;
                paragraphs.add(new ParagraphChange(ParagraphOp.CHANGE, f, t, p.from(), p.to(), w.score(),
                        w.minor(), w.minor() ? List.copyOf(w.reasons()) : List.of(), w.runs()));
            }
        }
        articleChanged |= !paragraphs.isEmpty();

        Map<String, Quote> fromQuotes = quotesByKey(a);
        Map<String, Quote> toQuotes = quotesByKey(b);
        List<QuotedText> quotesAdded = new ArrayList<>();
        List<QuotedText> quotesRemoved = new ArrayList<>();
        toQuotes.forEach((k, q) -> {
            if (!fromQuotes.containsKey(k)) quotesAdded.add(new QuotedText(q.text(), q.speaker()));
        });
        fromQuotes.forEach((k, q) -> {
            if (!toQuotes.containsKey(k)) quotesRemoved.add(new QuotedText(q.text(), q.speaker()));
        });
        if (!quotesAdded.isEmpty() || !quotesRemoved.isEmpty()) {
            articleChanged = true;
            substantive = true;
        }

        LinkChanges links = LinkChanges.compare(a.links(), b.links());
        int articleLinksAdded = (int) links.added().stream().filter(LinkChanges::inArticle).count();
        int articleLinksRemoved = (int) links.removed().stream().filter(LinkChanges::inArticle).count();
        if (articleLinksAdded + articleLinksRemoved > 0) {
            articleChanged = true;
            substantive = true;
        }
        List<String> linkNotes = linkNotes(links);
        List<String> other = new ArrayList<>(linkNotes);
        for (FieldChange f : fields) {
            if (MetadataFields.isArticle(f.name())) continue;
            other.add(switch (f.name()) {
                case MetadataFields.MODIFIED -> "modified date changed";
                case MetadataFields.CANONICAL -> "canonical URL changed";
                case MetadataFields.LANG -> "language changed";
                case MetadataFields.SITE_NAME -> "site name changed";
                default -> f.name() + " changed";
            });
        }
        boolean onlyLinks = !other.isEmpty() && other.size() == linkNotes.size();
        if (!articleChanged && other.isEmpty()) other.add("payload differs outside the extracted text (adverts, scripts, widgets)");

        long totalTokens = (long) WordTokenizer.count(nullToEmpty(a.text())) + WordTokenizer.count(nullToEmpty(b.text()));
        double score = totalTokens == 0 ? (articleChanged ? 1.0 : 0.0) : Math.min(1.0, (double) changedTokens / totalTokens);
        ChangeKind kind = !articleChanged ? ChangeKind.ARTICLE_UNCHANGED
                : substantive ? ChangeKind.SUBSTANTIVE : ChangeKind.MINOR;
        String summary = articleChanged
                ? SummaryLine.ofArticle(fields, numbers, quotesAdded.size(), quotesRemoved.size(), paragraphs,
                        explained, articleLinksAdded, articleLinksRemoved, minorReasons, substantive)
                : SummaryLine.ofUnchangedArticle(other, onlyLinks);
        return new VersionDiff(from.url(), VersionRef.of(from), VersionRef.of(to), articleChanged, summary, fields,
                numbers, quotesAdded, quotesRemoved,
                links.added().stream().map(LinkChanges::describe).toList(),
                links.removed().stream().map(LinkChanges::describe).toList(),
                paragraphs, kind, substantive, articleChanged, true, score, other);
    }

    /** "2 advert links added", "1 navigation link removed", "tracking parameters changed in 3 links". */
    private static List<String> linkNotes(LinkChanges links) {
        List<String> notes = new ArrayList<>();
        notes.addAll(countByKind(links.added(), "added"));
        notes.addAll(countByKind(links.removed(), "removed"));
        if (links.retagged() > 0) {
            notes.add("tracking parameters changed in " + links.retagged() + " " + SummaryLine.plural(links.retagged(), "link"));
        }
        return notes;
    }

    private static List<String> countByKind(List<Link> links, String verb) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Link link : links) {
            if (LinkChanges.inArticle(link)) continue; // reported as an article change
            counts.merge(LinkChanges.describe(link).kind(), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        counts.forEach((kind, n) -> out.add(n + " " + ("link".equals(kind) ? "" : kind + " ")
                + SummaryLine.plural(n, "link") + " " + verb));
        return out;
    }

    private static Map<String, Quote> quotesByKey(Document d) {
        Map<String, Quote> out = new LinkedHashMap<>();
        for (Quote q : d.quotes()) {
            String key = MinorEdit.textKey(q.text());
            if (!key.isEmpty()) out.putIfAbsent(key, q);
        }
        return out;
    }

    /** {@link Document#paragraphs()} without a regex split: the differ runs once per capture. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank()) return out;
        int start = 0;
        while (true) {
            int at = text.indexOf("\n\n", start);
            if (at < 0) {
                out.add(text.substring(start));
                break;
            }
            out.add(text.substring(start, at));
            start = at + 2;
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static String collapse(String paragraph) {
        return paragraph.strip().replaceAll("\\s+", " ");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
