package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written scans that replaced regular expressions on the hot path answer as those expressions did. */
class ExtractionScansTest {
    private static final List<String> NAMES = List.of("", " ", "article-body", "share-bar social", "site-footer__nav",
            "js-most-read", "comments", "promo", "ad", "main-nav", "nav-open", "has-sidebar", "x-byline-date", "BYLINE",
            "Posted-On", "poſted", "entry-content", "author-bio", "tags", "tag-list", "ü-share", "meta", "metadata",
            "story-body__inner", "post", "blog-entry", "sr-only", "print-only", "visually-hidden", "datelinebox", "kelvin",
            "ad-slot\tbanner", "adunit", "readmore", "Read-More", "date", "dATe", "publ1shed", "published");

    @Test
    void fragmentsFindWhatTheirAlternationFinds() {
        String alternation = "share|sharing|social|related|comment|byline|sr-only|read-more|footer|nav|post|date";
        Fragments fragments = Fragments.alternation(alternation);
        Pattern pattern = Pattern.compile(alternation);
        for (String name : NAMES) assertEquals(pattern.matcher(name).find(), fragments.foundIn(name), name);
    }

    @Test
    void bylineClassScanFoldsCaseAsJsoupSelectorRegexDoes() {
        // jsoup runs [class~=regex] with RE2/J when it is on the class path, as it is here
        com.google.re2j.Pattern classes = com.google.re2j.Pattern.compile("(?i)(byline|dateline|date|posted|published|meta)");
        String[] words = {"byline", "dateline", "date", "posted", "published", "meta"};
        for (String name : NAMES) assertEquals(classes.matcher(name).find(), ArticleMetadata.containsFolded(name, words), name);
    }

    @Test
    void speakerPrefilterNeverHidesAMatch() {
        Pattern end = Pattern.compile("[:,]\\s*$");
        for (String text : List.of("", "Thomas said:", "Thomas said,  ", "he said:\n", "he said:\u2028", "said: x",
                "said.", "according to Thomas ,\t\n", ":", " ,", "x\u2028", "said:\u2028\u2028")) {
            if (end.matcher(text).find()) assertTrue(Speakers.endsWithColonOrComma(text), text);
        }
        assertFalse(Speakers.endsWithColonOrComma("Thomas said."));
        assertFalse(Speakers.endsWithColonOrComma(""));
    }

    @Test
    void hostsMatchADomainOrItsSubdomainsOnly() {
        List<String> domains = List.of("twitter.com", "t.co");
        assertTrue(Hosts.matches("twitter.com", domains));
        assertTrue(Hosts.matches("mobile.twitter.com", domains));
        assertTrue(Hosts.matches("t.co", domains));
        assertFalse(Hosts.matches("nottwitter.com", domains));
        assertFalse(Hosts.matches("at.co", domains));
        assertFalse(Hosts.matches(null, domains));
    }
}
