package org.warctrail.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic news corpus for provenance benchmarks: documents of Zipf-distributed pseudo-words in
 * sentences and paragraphs, 500 sites with a footer each, planted reuse (every 20th document reposts 2-3
 * paragraphs of an earlier document of another site behind an intro of its own) and planted quotes (every 10th
 * document carries one of {@code quotes} quotations, a third of the copies with one word changed; half of the
 * later copies cite the first document that carried it).
 */
public final class SyntheticCorpus {
    public record Doc(long id, String url, String site, String published, String timestamp, String title, String text,
                      List<Planted> links, int quote, boolean quoteEdited, long reusedFrom) {
    }

    /** A link the generator planted: a citation to an earlier document, or the site's navigation. */
    public record Planted(String url, String kind, String text) {
    }

    private static final Instant START = Instant.parse("2015-01-01T00:00:00Z");
    private static final int SITES = 500;

    private final String[] vocabulary;
    private final double[] cumulative;
    private final String[] quotes;
    private final String[] footers;
    private final List<String> texts = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final int[] firstWithQuote;
    private final long seed;

    public SyntheticCorpus(long seed, int vocabularySize, int quoteCount) {
        this.seed = seed;
        SplittableRandom random = new SplittableRandom(seed);
        String[] syllables = {"ka", "ro", "mi", "ten", "sha", "lo", "ver", "an", "ti", "del", "pra", "us", "ne", "gor",
                "bi", "la", "qui", "sto", "mar", "en", "do", "fe", "ril", "ya", "zu", "cho", "pe", "ost", "ha", "lin"};
        vocabulary = new String[vocabularySize];
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < vocabularySize; i++) {
            String w;
            do {
                StringBuilder b = new StringBuilder();
                int n = 1 + random.nextInt(i < 100 ? 2 : 4);
                for (int k = 0; k < n; k++) b.append(syllables[random.nextInt(syllables.length)]);
                w = b.toString();
            } while (!seen.add(w));
            vocabulary[i] = w;
        }
        cumulative = new double[vocabularySize];
        double sum = 0;
        for (int i = 0; i < vocabularySize; i++) cumulative[i] = sum += 1.0 / Math.pow(i + 1, 1.05);
        for (int i = 0; i < vocabularySize; i++) cumulative[i] /= sum;
        quotes = new String[quoteCount];
        for (int q = 0; q < quoteCount; q++) quotes[q] = sentence(random, 12 + random.nextInt(10)).replace(".", "");
        footers = new String[SITES];
        for (int s = 0; s < SITES; s++) footers[s] = "Read more at site " + s + ". " + sentence(random, 25);
        firstWithQuote = new int[quoteCount];
        java.util.Arrays.fill(firstWithQuote, -1);
    }

    public String quote(int q) {
        return quotes[q];
    }

    public int quoteCount() {
        return quotes.length;
    }

    /** The next document (ids from 0, in order). */
    public Doc next() {
        int id = texts.size();
        SplittableRandom random = new SplittableRandom(seed * 31 + id);
        int site = random.nextInt(SITES);
        String host = "news" + site + ".example";
        String url = "https://" + host + "/" + (2015 + id / 40_000) + "/story-" + id;
        List<Planted> links = new ArrayList<>();
        links.add(new Planted("https://" + host + "/", "navigation", "Home"));
        links.add(new Planted("https://" + host + "/world/", "navigation", "World"));
        List<String> paragraphs = new ArrayList<>();
        int count = 3 + random.nextInt(5);
        for (int p = 0; p < count; p++) paragraphs.add(paragraph(random));
        long reusedFrom = -1;
        if (id % 20 == 19 && id > 100) {
            int source = random.nextInt(id);
            String[] sourceParagraphs = texts.get(source).split("\n\n");
            int from = random.nextInt(Math.max(1, sourceParagraphs.length - 3));
            int take = 2 + random.nextInt(2);
            paragraphs = new ArrayList<>(paragraphs.subList(0, 1));
            for (int p = from; p < Math.min(sourceParagraphs.length - 1, from + take); p++) paragraphs.add(sourceParagraphs[p]);
            if (paragraphs.size() > 1) {
                reusedFrom = source;
                links.add(new Planted(urls.get(source), "continuation", "Continue reading"));
            }
        }
        int quote = -1;
        boolean edited = false;
        if (id % 10 == 3) {
            // The quotes in rotation: with 500, each is in about 2 documents at 10k, 20 at 100k.
            quote = (id / 10) % quotes.length;
            String text = quotes[quote];
            if (firstWithQuote[quote] >= 0 && random.nextInt(3) == 0) {
                String[] words = text.split(" ");
                words[1 + random.nextInt(words.length - 2)] = vocabulary[100 + random.nextInt(1000)];
                text = String.join(" ", words);
                edited = true;
            }
            int at = random.nextInt(paragraphs.size());
            paragraphs.set(at, paragraphs.get(at) + " “" + text + ",” the spokesman said.");
            if (firstWithQuote[quote] < 0) {
                firstWithQuote[quote] = id;
            } else if (random.nextBoolean()) {
                links.add(new Planted(urls.get(firstWithQuote[quote]), "citation", "said"));
            }
        }
        paragraphs.add(footers[site]);
        String text = String.join("\n\n", paragraphs);
        texts.add(text);
        urls.add(url);
        Instant published = START.plus(id * 5L, ChronoUnit.MINUTES);
        String timestamp = org.warctrail.provenance.TimeOrder.timestamp(published.plus(3, ChronoUnit.DAYS));
        return new Doc(id, url, host, published.toString(), timestamp, sentence(random, 8), text, links, quote, edited,
                reusedFrom);
    }

    private String paragraph(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        int sentences = 2 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            if (s > 0) b.append(' ');
            b.append(sentence(random, 8 + random.nextInt(18)));
        }
        return b.toString();
    }

    private String sentence(SplittableRandom random, int words) {
        StringBuilder b = new StringBuilder();
        for (int w = 0; w < words; w++) {
            String word = word(random);
            if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            else b.append(random.nextInt(12) == 0 ? ", " : " ");
            b.append(word);
        }
        return b.append('.').toString();
    }

    private String word(SplittableRandom random) {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) lo = mid + 1;
            else hi = mid;
        }
        return vocabulary[lo];
    }
}
