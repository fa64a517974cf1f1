package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphAlignerTest {
    @Test
    void identicalParagraphsAnchorAndEditedOnesPair() {
        List<String> from = List.of("alpha beta gamma delta", "one two three four five", "the end of it all");
        List<String> to = List.of("alpha beta gamma delta", "new text here entirely", "one two three four six",
                "the end of it all");
        assertEquals(List.of(new ParagraphAligner.Pair(-1, 1), new ParagraphAligner.Pair(1, 2)),
                ParagraphAligner.align(from, to));
    }

    @Test
    void alignmentKeepsOrder() {
        List<String> from = List.of("red green blue yellow", "cat dog bird fish");
        List<String> to = List.of("cat dog bird fish horse", "red green blue yellow orange");
        // crossing pairs are impossible: one pair, the rest inserted and deleted
        List<ParagraphAligner.Pair> pairs = ParagraphAligner.align(from, to);
        assertEquals(1, pairs.stream().filter(p -> p.from() >= 0 && p.to() >= 0).count());
    }

    @Test
    void identicalTextsHaveNoPairs() {
        assertEquals(List.of(), ParagraphAligner.align(List.of("a b", "c d"), List.of("a b", "c d")));
    }

    @Test
    void paragraphSplitMatchesTheDocumentContract() {
        for (String text : new String[] {"a\n\nb", "a\n\n\nb", "a\n\nb\n\n", "\n\na", "one", "a\n\n\n\nb"}) {
            org.warctrail.extract.Document d = new org.warctrail.extract.Document(null, null, null, text, null, null,
                    null, null, null, null, null, null, null, null);
            assertEquals(d.paragraphs(), VersionDiffer.paragraphs(text), text);
        }
    }
}
