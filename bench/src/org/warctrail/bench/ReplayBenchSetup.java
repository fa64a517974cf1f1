package org.warctrail.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;

/**
 * The input of {@code bench/replay.sh}: a WARC of {@value #PAGES} HTML pages on 20 sites, each citing its site's
 * stylesheet, a few of its {@value #IMAGES} PNG images and other pages by relative, root-relative and absolute
 * URLs (so that {@code mp_} has links to rewrite), plus the stylesheets (with {@code url()}s) and images; a store
 * that indexes that very file in place (so that warctrail and {@code jwarc serve} read the same bytes); and
 * {@code urls.txt}, {@value #SAMPLE} distinct pages as "timestamp url" lines for the load to cycle through.
 * Everything is made once into the given directory and reused.
 *
 * <p>Usage: ReplayBenchSetup DIR
 */
public final class ReplayBenchSetup {
    static final int PAGES = 3000;
    static final int IMAGES = 200;
    static final int SITES = 20;
    static final int SAMPLE = 200;
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench/out/replay");
        Files.createDirectories(dir);
        Path warc = dir.resolve("replay-" + PAGES + ".warc.gz");
        Path store = dir.resolve("store");
        Path urls = dir.resolve("urls.txt");
        if (!Files.exists(warc)) {
            ImportBench.deleteTree(store);
            generate(warc);
        }
        if (!Files.exists(store)) {
            long t0 = System.nanoTime();
            // with the derivers the CLI runs, so that serve finds nothing pending to derive in the background
            try (Archive archive = Archives.open(store, m -> { })) {
                ImportResult r = archive.importFiles(List.of(warc.toAbsolutePath()), ImportOptions.IN_PLACE,
                        ImportListener.NONE);
                System.out.printf("imported %s in place: %,d captures, %,d documents in %.1f s%n", warc, r.captures(),
                        r.documents(), (System.nanoTime() - t0) / 1e9);
            } catch (IOException | RuntimeException e) {
                ImportBench.deleteTree(store); // a half-made store would be reused by the next run
                throw e;
            }
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < SAMPLE; i++) {
            int page = i * (PAGES / SAMPLE);
            lines.add(TIMESTAMP.format(date(page)) + " " + pageUrl(page));
        }
        Files.write(urls, lines);
        System.out.printf("warc %s (%.1f MB), store %s, %d URLs in %s%n", warc, Files.size(warc) / 1048576.0, store,
                lines.size(), urls);
    }

    static String site(int page) {
        return "http://site" + (page % SITES) + ".example";
    }

    static String pageUrl(int page) {
        return site(page) + "/news/" + page + ".html";
    }

    /** Records are dated one second apart in the order written: pages, then stylesheets, then images. */
    static Instant date(int recordNumber) {
        return START.plusSeconds(recordNumber);
    }

    static void generate(Path warc) throws Exception {
        System.out.println("generating " + warc + " (once) ...");
        Random random = new Random(7);
        String[] words = new String[3000];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 2 + random.nextInt(8); k > 0; k--) w.append((char) ('a' + random.nextInt(26)));
            words[i] = w.toString();
        }
        Path part = warc.resolveSibling(warc.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter writer = new WarcWriter(ch, WarcCompression.GZIP)) {
            int record = 0;
            for (int page = 0; page < PAGES; page++, record++) {
                write(writer, pageUrl(page), record, MediaType.HTML_UTF8, page(page, random, words));
            }
            for (int site = 0; site < SITES; site++, record++) {
                String css = "body{font:16px/1.5 serif;background:url(/img/" + site + ".png)}\n"
                        + "header{background-image:url('http://site" + site + ".example/img/" + (site + 1) + ".png')}\n"
                        + ".teaser img{max-width:100%}\n@import url(\"/css/print.css\") print;\n";
                write(writer, "http://site" + site + ".example/css/site.css", record, MediaType.parse("text/css"),
                        css.getBytes(StandardCharsets.UTF_8));
            }
            for (int image = 0; image < IMAGES; image++, record++) {
                write(writer, "http://site" + (image % SITES) + ".example/img/" + image + ".png", record,
                        MediaType.parse("image/png"), png(random));
            }
        }
        Files.move(part, warc);
    }

    private static void write(WarcWriter writer, String url, int record, MediaType type, byte[] body)
            throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(type, body)
                .addHeader("Date", "Mon, 01 Jan 2024 00:00:00 GMT").build();
        writer.write(new WarcResponse.Builder(URI.create(url)).date(date(record)).body(http).build());
    }

    /** A news page of about 6 KB: navigation, a stylesheet, images and about 25 links of the three URL forms. */
    private static byte[] page(int page, Random random, String[] words) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><meta charset=utf-8><title>");
        for (int k = 0; k < 6; k++) html.append(words[random.nextInt(words.length)]).append(' ');
        html.append("</title><link rel=stylesheet href=\"/css/site.css\"><script src=\"/js/site.js\"></script>")
                .append("</head><body><header><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a> ")
                .append("<a href=\"").append(site(page)).append("/about\">About</a></nav></header><article>");
        html.append("<img src=\"/img/").append(random.nextInt(IMAGES)).append(".png\" alt=\"\">");
        for (int p = 0; p < 12; p++) {
            html.append("<p>");
            for (int k = 40 + random.nextInt(40); k > 0; k--) html.append(words[random.nextInt(words.length)]).append(' ');
            int other = random.nextInt(PAGES);
            switch (p % 3) {
                case 0 -> html.append("<a href=\"").append(other).append(".html\">more</a>");
                case 1 -> html.append("<a href=\"/news/").append(other).append(".html\">related</a>");
                default -> html.append("<a href=\"").append(pageUrl(other)).append("\">source</a>");
            }
            html.append("</p>\n");
            if (p == 6) {
                html.append("<figure class=teaser><img src=\"").append(site(page)).append("/img/")
                        .append(random.nextInt(IMAGES)).append(".png\" srcset=\"/img/").append(random.nextInt(IMAGES))
                        .append(".png 2x\"></figure>\n");
            }
        }
        html.append("</article><footer><a href=\"https://elsewhere.example/\">elsewhere</a></footer></body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A 64x48 PNG of a few coloured blocks (1-3 KB). */
    private static byte[] png(Random random) throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.setColor(new Color(random.nextInt(0xffffff)));
            g.fillRect(random.nextInt(64), random.nextInt(48), 4 + random.nextInt(30), 4 + random.nextInt(20));
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
