package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ReuseSignatureTest {
    private static String randomText(SplittableRandom random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) text.append("w").append(random.nextInt(5000)).append(' ');
        return text.toString();
    }

    @Test
    void minHashEstimatesJaccardSimilarity() {
        SplittableRandom random = new SplittableRandom(7);
        String shared = randomText(random, 300);
        MatchText a = MatchText.of(shared + randomText(random, 300));
        MatchText b = MatchText.of(shared + randomText(random, 300));
        long[] sa = Shingles.of(a, 5);
        long[] sb = Shingles.of(b, 5);
        Set<Long> union = new HashSet<>();
        Set<Long> inA = new HashSet<>();
        for (long x : sa) {
            union.add(x);
            inA.add(x);
        }
        int intersection = 0;
        for (long x : new HashSet<>(Arrays.stream(sb).boxed().toList())) {
            if (inA.contains(x)) intersection++;
            union.add(x);
        }
        double jaccard = (double) intersection / union.size();
        MinHash minHash = new MinHash(256, 1);
        double estimate = MinHash.similarity(minHash.signature(sa), minHash.signature(sb));
        assertEquals(jaccard, estimate, 0.1, "true Jaccard " + jaccard);
    }

    @Test
    void partialCopiesShareBandKeysAndUnrelatedTextsDoNot() {
        SplittableRandom random = new SplittableRandom(11);
        String article = randomText(random, 600);
        String copied = String.join(" ", Arrays.asList(article.split(" ")).subList(100, 300));
        long[] articleKeys = ReuseSignature.bandKeys(MatchText.of(article));
        long[] postKeys = ReuseSignature.bandKeys(MatchText.of(randomText(random, 150) + copied));
        long[] unrelatedKeys = ReuseSignature.bandKeys(MatchText.of(randomText(random, 500)));
        assertEquals(ReuseSignature.BANDS, articleKeys.length);
        InMemoryReuseCandidates table = new InMemoryReuseCandidates();
        table.put(1, articleKeys);
        table.put(2, unrelatedKeys);
        var found = table.candidates(postKeys, 100);
        assertTrue(found.containsKey(1L), "the partial copy finds its source");
        assertTrue(!found.containsKey(2L), "unrelated text shares no key");
        assertEquals(0, ReuseSignature.bandKeys(MatchText.of("too short")).length);
    }

    @Test
    void longDocumentsAreSignedInChunks() {
        SplittableRandom random = new SplittableRandom(3);
        assertEquals(3 * ReuseSignature.BANDS, ReuseSignature.bandKeys(MatchText.of(randomText(random, 1300))).length);
    }

    /** Stores and the Spark job's output hold band keys: the same text must give the same keys in every version. */
    @Test
    void keysStayThoseStoresAlreadyHold() {
        StringBuilder text = new StringBuilder();
        java.util.Random random = new java.util.Random(5);
        for (int i = 0; i < 900; i++) text.append("w").append(random.nextInt(300)).append(i % 17 == 0 ? ".\n" : " ");
        long[] keys = ReuseSignature.bandKeys(MatchText.of(text.toString()));
        long hash = 0;
        for (long key : keys) hash = hash * 31 + key;
        assertEquals(-6488956761600276703L, hash, "the keys of version 0.1.0 (3ed0162)");
    }
}
