package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReuseDetectorTest {
    @Test
    void blogReusesTheArticleAndTheArticleTheTranscript() {
        SeedFixture.Loaded loaded = new SeedFixture.Loaded();
        Reuse blog = loaded.reuse.stream()
                .filter(r -> r.targetUrl().equals(SeedFixture.BLOG) && r.sourceUrl().equals(SeedFixture.ARTICLE))
                .findFirst().orElseThrow(() -> new AssertionError("no blog <- article reuse in " + loaded.reuse));
        assertEquals(1, blog.passages().size());
        int copied = MatchText.of(String.join(" ", SeedFixture.ARTICLE_PARAGRAPHS.subList(0, 5))).size();
        assertEquals(copied, blog.words());
        assertEquals((double) copied / MatchText.of(SeedFixture.BLOG_TEXT).size(), blog.targetShare(), 1e-9);
        assertTrue(blog.targetShare() > 0.5 && blog.sourceShare() > 0.6, blog.toString());
        assertTrue(blog.describe().startsWith("reuses 1 passage, "), blog.describe());

        // The blog was captured first but published later: the article is the source all the same.
        assertTrue(loaded.reuse.stream().anyMatch(r -> r.targetUrl().equals(SeedFixture.COPY)
                && r.sourceUrl().equals(SeedFixture.ARTICLE) && r.targetShare() > 0.9));
        // The article retells the briefing close to its words and quotes it twice: three passages.
        Reuse quoted = loaded.reuse.stream().filter(r -> r.targetUrl().equals(SeedFixture.ARTICLE)
                && r.sourceUrl().equals(SeedFixture.TRANSCRIPT)).findFirst().orElseThrow();
        assertEquals(3, quoted.passages().size(), quoted.toString());
        Passage secondQuote = quoted.passages().get(2);
        assertTrue(SeedFixture.ARTICLE_TEXT.substring(secondQuote.targetStart(), secondQuote.targetEnd())
                .startsWith("We never had struck regime targets"));
        assertTrue(SeedFixture.TRANSCRIPT_TEXT.substring(secondQuote.sourceStart(), secondQuote.sourceEnd())
                .endsWith("that's what they did"));
    }

    @Test
    void siteWideBoilerplateIsNotReuseButSameSiteCopyingIs() {
        SplittableRandom random = new SplittableRandom(5);
        InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        ReuseDetector detector = new ReuseDetector(new InMemoryReuseCandidates(), corpus);
        String disclaimer = "\n\n" + SeedFixture.FOOTER + "\n\n" + SeedFixture.FOOTER.replace("21WIRE", "our");
        List<Reuse> found = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            // Short posts, most of whose words are the site's footer: LSH makes them candidates of each other.
            ReuseDocument post = new ReuseDocument(i, "https://21stcenturywire.com/post-" + i, "2016-09-2" + i, null,
                    words(random, 60) + disclaimer);
            corpus.add(post);
            found.addAll(detector.add(post));
        }
        // The first two posts share the footer before it is site-wide; from the third on it is boilerplate.
        assertTrue(found.stream().noneMatch(r -> r.targetId() >= 3), found.toString());

        String story = words(random, 80);
        ReuseDocument original = new ReuseDocument(10, "https://21stcenturywire.com/story", "2016-10-01", null,
                words(random, 40) + " " + story + disclaimer);
        ReuseDocument followUp = new ReuseDocument(11, "https://www.21stcenturywire.com/follow-up", "2016-10-02", null,
                words(random, 40) + " " + story + disclaimer);
        corpus.add(original);
        detector.add(original);
        corpus.add(followUp);
        List<Reuse> followUpReuse = detector.add(followUp);
        Reuse r = followUpReuse.stream().filter(x -> x.sourceId() == 10).findFirst()
                .orElseThrow(() -> new AssertionError("same-site copying is reuse: " + followUpReuse));
        assertEquals(1, r.passages().size(), "the story, not the footer: " + r);
        assertEquals(80, r.words());
    }

    @Test
    void recapturesOfOnePageAreVersionsNotReuse() {
        InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        ReuseDetector detector = new ReuseDetector(new InMemoryReuseCandidates(), corpus);
        ReuseDocument first = new ReuseDocument(1, "http://www.rt.com/news/1", null, "20160920000000", SeedFixture.ARTICLE_TEXT);
        ReuseDocument again = new ReuseDocument(2, "https://rt.com/news/1/", null, "20160921000000", SeedFixture.ARTICLE_TEXT);
        corpus.add(first);
        detector.add(first);
        corpus.add(again);
        assertTrue(detector.add(again).isEmpty());
    }

    @Test
    void directionFollowsPublishedThenFirstCapture() {
        ReuseDocument a = new ReuseDocument(1, "https://a.example/", null, "20200101000000", "x");
        ReuseDocument b = new ReuseDocument(2, "https://b.example/", "2019-06-01", "20210101000000", "x");
        assertTrue(ReuseDetector.earlier(b, a));
        ReuseDocument c = new ReuseDocument(3, "https://c.example/", null, null, "x");
        assertTrue(ReuseDetector.earlier(a, c), "an unknown date is the latest");
    }

    static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) text.append(i == 0 ? "" : " ").append("w").append(random.nextInt(100_000));
        return text.toString();
    }

    @Test
    void aCandidateSharingOneBandKeyIsNotAlignedTwoAreAndOfTheSameSiteSix() {
        InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        ReuseDocument article = new ReuseDocument(1, "https://www.rt.com/news/1", "2016-09-20", null,
                SeedFixture.ARTICLE_TEXT);
        ReuseDocument copy = new ReuseDocument(2, "https://copy.example/1", "2016-09-21", null, SeedFixture.ARTICLE_TEXT);
        ReuseDocument sameSite = new ReuseDocument(3, "https://www.rt.com/news/2", "2016-09-21", null,
                SeedFixture.ARTICLE_TEXT);
        corpus.add(article);
        corpus.add(copy);
        corpus.add(sameSite);
        int[][] cases = {{2, 1, 0}, {2, 2, 1}, {3, 5, 0}, {3, 6, 1}}; // document, keys shared with the article, reuse
        for (int[] c : cases) {
            // a bucket table that says how many keys the article shares, whatever the text
            ReuseCandidates candidates = new ReuseCandidates() {
                @Override
                public void put(long documentId, long[] bandKeys) {
                }

                @Override
                public java.util.Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit) {
                    return new java.util.HashMap<>(java.util.Map.of(1L, c[1]));
                }
            };
            ReuseDocument target = c[0] == 2 ? copy : sameSite;
            List<Reuse> found = new ReuseDetector(candidates, corpus).detect(target);
            assertEquals(c[2], found.size(), target.url() + ", " + c[1] + " key(s) in common: " + found);
        }
    }
}
