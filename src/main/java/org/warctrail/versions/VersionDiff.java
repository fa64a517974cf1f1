package org.warctrail.versions;

import java.util.List;

/**
 * What changed between two versions of a URL: the {@code diff} JSON document of the design, plus the
 * classification a timeline needs.
 *
 * @param changed        whether a reader would call the new version changed: its article (text, headline,
 *                       byline, published date, quotes, links in the text) or its status or redirect differ;
 *                       false for an identical payload and for changes only outside the article
 * @param summary        one line: "headline changed; 1 number changed; 1 quote removed; 1 paragraph added"
 * @param kind           identical, article-unchanged, minor, substantive, status or redirect
 * @param substantive    changed, and not only by punctuation, case, whitespace or typo fixes
 * @param articleChanged the extracted article differs (false for status and redirect changes, which have
 *                       no article to compare)
 * @param payloadChanged the payload digests differ
 * @param score          share of words changed over both versions, 0..1
 * @param otherChanges   what differed outside the article ("2 advert links added", "modified date changed",
 *                       "payload differs outside the extracted text")
 */
public record VersionDiff(
        String url,
        VersionRef from,
        VersionRef to,
        boolean changed,
        String summary,
        List<FieldChange> fields,
        List<NumberChange> numbers,
        List<QuotedText> quotesAdded,
        List<QuotedText> quotesRemoved,
        List<ChangedLink> linksAdded,
        List<ChangedLink> linksRemoved,
        List<ParagraphChange> paragraphs,
        ChangeKind kind,
        boolean substantive,
        boolean articleChanged,
        boolean payloadChanged,
        double score,
        List<String> otherChanges) {

    public VersionDiff {
        fields = List.copyOf(fields);
        numbers = List.copyOf(numbers);
        quotesAdded = List.copyOf(quotesAdded);
        quotesRemoved = List.copyOf(quotesRemoved);
        linksAdded = List.copyOf(linksAdded);
        linksRemoved = List.copyOf(linksRemoved);
        paragraphs = List.copyOf(paragraphs);
        otherChanges = List.copyOf(otherChanges);
    }

    /** The flags to store for the newer version. */
    public ChangeFlags flags() {
        return new ChangeFlags(url, to.timestamp(), from.timestamp(), kind, changed, substantive, score, summary);
    }
}
