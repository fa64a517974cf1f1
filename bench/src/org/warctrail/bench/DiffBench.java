package org.warctrail.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.ChangeFlags;
import org.warctrail.versions.Version;
import org.warctrail.versions.VersionDiff;
import org.warctrail.versions.VersionDiffer;
import org.warctrail.versions.VersionSequence;

/**
 * Times (1) the diff of two versions of a ~1 MB article with scattered edits and (2) the change flags of a
 * URL with 1,000 versions, computed as the index does at capture time: each version against the one before;
 * (3) those 1,000 versions written through the archive, and their timeline read back from the index.
 * Goal for (1) and (2): under a second. Run with {@code bench/diff.sh}.
 */
public final class DiffBench {
    private static final String[] COMMON = ("the of and to in a is that for on was with he it as at by said "
            + "from his an be has are have but were not this which they had after who been their more one "
            + "its also new two first would about other when there than into over officials military "
            + "government forces people reported according told statement minister spokesman attack").split(" ");

    private static final String URL = "https://news.example/story";

    public static void main(String[] args) throws java.io.IOException {
        int megabytes = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Random random = new Random(42);
        List<String> vocabulary = vocabulary(random, 5000);
        VersionDiffer differ = new VersionDiffer();

        // 1. Two versions of a ~1 MB text
        List<String> before = new ArrayList<>();
        int size = 0;
        while (size < megabytes * 1_000_000) {
            String p = paragraph(random, vocabulary);
            before.add(p);
            size += p.length() + 2;
        }
        List<String> after = edit(before, random, vocabulary, 0.03);
        Version a = version("20240101000000", "A", String.join("\n\n", before), List.of());
        Version b = version("20240102000000", "B", String.join("\n\n", after), List.of());
        System.out.printf(Locale.ROOT, "text: %d paragraphs, %,d chars -> %,d chars%n",
                before.size(), a.document().text().length(), b.document().text().length());
        for (int i = 0; i < 3; i++) differ.diff(a, b); // warm-up
        long best = Long.MAX_VALUE;
        VersionDiff diff = null;
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            diff = differ.diff(a, b);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf(Locale.ROOT, "diff of two ~%d MB versions: %.1f ms (best of 5); %d paragraph changes, "
                + "%d numbers, score %.3f%n  summary: %s%n", megabytes, best / 1e6, diff.paragraphs().size(),
                diff.numbers().size(), diff.score(), diff.summary());

        List<String> heavy = edit(before, random, vocabulary, 0.5);
        Version c = version("20240103000000", "C", String.join("\n\n", heavy), List.of());
        differ.diff(a, c);
        long t0 = System.nanoTime();
        VersionDiff heavyDiff = differ.diff(a, c);
        System.out.printf(Locale.ROOT, "diff with half the paragraphs edited: %.1f ms; %d paragraph changes%n",
                (System.nanoTime() - t0) / 1e6, heavyDiff.paragraphs().size());

        // 2. Change flags of a URL with 1,000 versions (~10 KB articles)
        List<Version> versions = history(random, vocabulary, 1000);
        flags(differ, versions); // warm-up
        long bestFlags = Long.MAX_VALUE;
        List<ChangeFlags> flags = null;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            flags = flags(differ, versions);
            bestFlags = Math.min(bestFlags, System.nanoTime() - s);
        }
        long changed = flags.stream().filter(ChangeFlags::changed).count();
        long substantive = flags.stream().filter(ChangeFlags::substantive).count();
        System.out.printf(Locale.ROOT, "change flags of 1,000 versions: %.1f ms (best of 3); %d changed, "
                + "%d substantive%n", bestFlags / 1e6, changed, substantive);

        // 3. The same 1,000 versions written through the archive (extracted, indexed, flagged as written),
        //    then the URL's timeline read back: a lookup
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("diffbench");
        try (Archive archive = Archives.open(dir, m -> { })) {
            long w0 = System.nanoTime();
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, java.util.Map.of())) {
                for (Version v : versions) sink.write(List.of(response(v)));
            }
            double writeSeconds = (System.nanoTime() - w0) / 1e9;
            ArchivedVersions archived = new ArchivedVersions(archive.index());
            archived.timeline(URL);
            long bestTimeline = Long.MAX_VALUE;
            List<ArchivedVersion> timeline = null;
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                timeline = archived.timeline(URL);
                bestTimeline = Math.min(bestTimeline, System.nanoTime() - s);
            }
            long flagged = timeline.stream().filter(v -> v.flags() != null).count();
            System.out.printf(Locale.ROOT, "1,000 captures written, extracted, indexed and flagged: %.1f s; "
                    + "timeline of 1,000 versions read from the index: %.1f ms (best of 5), %d flagged%n",
                    writeSeconds, bestTimeline / 1e6, flagged);
        } finally {
            try (var files = java.nio.file.Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static WarcResponse response(Version v) throws java.io.IOException {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>A story</title></head>"
                + "<body><article><h1>A story</h1>\n");
        for (String p : v.document().text().split("\n\n")) html.append("<p>").append(p).append("</p>\n");
        html.append("</article><aside>");
        for (Link l : v.document().links()) {
            if (l.kind() == LinkKind.ADVERT) html.append("<a href=\"").append(l.url()).append("\">ad</a> ");
        }
        html.append("</aside></body></html>");
        byte[] bytes = html.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.security.MessageDigest sha1;
        try {
            sha1 = java.security.MessageDigest.getInstance("SHA-1");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha1.update(bytes);
        java.time.Instant date = java.time.LocalDateTime.parse(v.timestamp(),
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(java.time.ZoneOffset.UTC);
        return new WarcResponse.Builder(java.net.URI.create(URL)).date(date)
                .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), bytes).build())
                .payloadDigest(new WarcDigest(sha1)).build();
    }

    private static List<ChangeFlags> flags(VersionDiffer differ, List<Version> versions) {
        List<ChangeFlags> out = new ArrayList<>(versions.size());
        VersionSequence sequence = new VersionSequence(differ);
        for (Version v : versions) out.add(sequence.add(v));
        return out;
    }

    /** 1,000 captures: a third identical payloads, some advert-only changes, the rest small edits. */
    private static List<Version> history(Random random, List<String> vocabulary, int count) {
        List<String> paragraphs = new ArrayList<>();
        for (int i = 0; i < 25; i++) paragraphs.add(paragraph(random, vocabulary));
        List<Link> links = new ArrayList<>(List.of(new Link("https://source.example/report", "report", "",
                LinkKind.CITATION, LinkPlace.MAIN)));
        List<Version> out = new ArrayList<>();
        String digest = "D0";
        for (int i = 0; i < count; i++) {
            String ts = java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(i)
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
            int roll = random.nextInt(10);
            if (i > 0 && roll < 3) {
                Version prev = out.get(i - 1);
                out.add(new Version(prev.url(), ts, 200, null, prev.digest(), prev.document()));
                continue;
            }
            if (roll < 5) {
                links = new ArrayList<>(links);
                links.add(new Link("https://ads.example/" + i, "ad", "", LinkKind.ADVERT, LinkPlace.SIDEBAR));
            } else {
                paragraphs = edit(paragraphs, random, vocabulary, 0.08);
            }
            digest = "D" + i;
            out.add(version(ts, digest, String.join("\n\n", paragraphs), links));
        }
        return out;
    }

    private static Version version(String ts, String digest, String text, List<Link> links) {
        Document d = new Document(URL, "text/html", "A story", text, null, null,
                List.of(), "en", null, null, null, links, List.of(), null);
        return new Version(URL, ts, 200, null, digest, d);
    }

    /** Edits a share of the paragraphs: word swaps, number changes, typos, insertions, deletions, rewrites. */
    private static List<String> edit(List<String> paragraphs, Random random, List<String> vocabulary, double share) {
        List<String> out = new ArrayList<>();
        for (String p : paragraphs) {
            if (random.nextDouble() >= share) {
                out.add(p);
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> out.add(p.replaceFirst("\\b\\d+\\b", String.valueOf(random.nextInt(500))));
                case 1 -> {
                    String[] words = p.split(" ");
                    words[random.nextInt(words.length)] = vocabulary.get(random.nextInt(vocabulary.size()));
                    out.add(String.join(" ", words));
                }
                case 2 -> {
                    out.add(p);
                    out.add(paragraph(random, vocabulary));
                }
                case 3 -> { /* deleted */ }
                case 4 -> {
                    String[] sentences = p.split("\\. ");
                    List<String> list = new ArrayList<>(List.of(sentences));
                    java.util.Collections.reverse(list);
                    out.add(String.join(". ", list));
                }
                default -> out.add(p.replaceFirst("e", "ee"));
            }
        }
        return out;
    }

    private static String paragraph(Random random, List<String> vocabulary) {
        StringBuilder sb = new StringBuilder();
        int sentences = 2 + random.nextInt(4);
        for (int s = 0; s < sentences; s++) {
            int words = 8 + random.nextInt(18);
            for (int w = 0; w < words; w++) {
                String word = random.nextInt(10) < 5 ? COMMON[random.nextInt(COMMON.length)]
                        : random.nextInt(30) == 0 ? String.valueOf(random.nextInt(1000))
                        : vocabulary.get(random.nextInt(vocabulary.size()));
                if (w == 0) word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
                sb.append(word);
                if (w < words - 1) sb.append(random.nextInt(12) == 0 ? ", " : " ");
            }
            sb.append(s < sentences - 1 ? ". " : ".");
        }
        return sb.toString();
    }

    private static List<String> vocabulary(Random random, int size) {
        List<String> words = new ArrayList<>(size);
        String consonants = "bcdfghklmnprstvwz";
        String vowels = "aeiou";
        for (int i = 0; i < size; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + random.nextInt(3);
            for (int s = 0; s < syllables; s++) {
                w.append(consonants.charAt(random.nextInt(consonants.length())));
                w.append(vowels.charAt(random.nextInt(vowels.length())));
                if (random.nextBoolean()) w.append(consonants.charAt(random.nextInt(consonants.length())));
            }
            words.add(w.toString());
        }
        return words;
    }
}
