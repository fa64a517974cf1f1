package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * {@link PhraseSet} finds what one expression of all the phrases, tried at every character, finds: on the real pages'
 * text and on the cases where case, spacing, colons and word boundaries matter.
 */
class PhraseSetTest {
    private static final List<Function<LinkPhrases.Phrases, List<String>>> KINDS = List.of(
            LinkPhrases.Phrases::continuation, LinkPhrases.Phrases::syndication, LinkPhrases.Phrases::attribution,
            LinkPhrases.Phrases::imageCredit, LinkPhrases.Phrases::citation, LinkPhrases.Phrases::advert);

    @Test
    void findsWholeWordsWhateverTheCaseAndSpacing() {
        PhraseSet continuation = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::continuation));
        assertTrue(continuation.find("Please CONTINUE  this\n article at RT"));
        assertEquals(13, continuation.startEnd("Read the rest of it"));
        assertFalse(continuation.find("Unread the rest"));
        assertFalse(continuation.find("read the restaurant review"));
        PhraseSet attribution = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::attribution));
        assertEquals(3, attribution.lastEnd("h/t"));
        assertFalse(attribution.find("viaduct"));
        assertEquals(-1, attribution.lastEnd("a viaduct"));
        // a letter outside the Basic Multilingual Plane ends no word (the one expression's look-behind saw half of it)
        assertFalse(attribution.find("\ud801\udc00via"));
        PhraseSet credit = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::imageCredit));
        assertEquals(6, credit.startEnd("Photo:Reuters"));
        assertEquals(-1, credit.startEnd("A photo: Reuters"));
    }

    @Test
    void agreesWithOneExpressionOnRealPagesAndEdgeCases() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", " ", "ÉTUDE via", "1via", "Ⅻvia", "ſource: x", "KELVIN: \u212Aeep reading",
                "source:: ", "sources:", "h/t:", "x h/t y", "via\u00a0the", "read\u2003more at", "\ud83d\ude00via", "the report reports reported", "R", "H/T", "Hat-Tip", "…via", "x\u212Aeep reading", "According to\tthe court records,",
                "Sourced from", "source1: x", "VIA\u017f", "via\u017f", "read\u00e9 more", "accordingly, to", "xq via zr", "photos: x"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/extraction/html"))) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
                    String text = Jsoup.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).text();
                    // clauses as the classifier sees them: pieces of up to 200 characters
                    for (int i = 0; i < text.length(); i += 97) texts.add(text.substring(i, Math.min(text.length(), i + 200)));
                }
            }
        }
        int found = 0;
        for (var kind : KINDS) {
            List<String> phrases = LinkPhrases.all(kind);
            PhraseSet set = new PhraseSet(phrases);
            Pattern one = oneExpression(phrases);
            for (String t : texts) {
                Matcher m = one.matcher(t);
                int last = -1;
                while (m.find()) last = m.end();
                assertEquals(last, set.lastEnd(t), () -> "last end in: " + t);
                assertEquals(last >= 0, set.find(t), () -> "find in: " + t);
                Matcher start = one.matcher(t);
                assertEquals(start.lookingAt() ? start.end() : -1, set.startEnd(t), () -> "start in: " + t);
                if (last >= 0) found++;
            }
        }
        assertTrue(found > 50, "the pages hold phrases: " + found);
    }

    /** The expression the classifier used before: every phrase, tried at every character. */
    private static Pattern oneExpression(List<String> phrases) {
        StringBuilder re = new StringBuilder("(?iu)(?<![\\p{L}\\p{N}])(?:");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) re.append('|');
            String[] words = phrases.get(i).trim().split("\\s+");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) re.append("\\s+");
                re.append(Pattern.quote(words[w]));
            }
        }
        return Pattern.compile(re.append(")(?:(?<=:)|(?![\\p{L}\\p{N}]))").toString());
    }
}
