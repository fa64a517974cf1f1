package org.warctrail.bench;

import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * The Spark benchmark's corpus: {@link SyntheticCorpus}'s news documents (planted reuse and quotes, a footer per
 * site) as HTML pages in gzipped WARC files, {@code docs} documents over {@code files} files, written once into
 * {@code DIR} (skipped when its marker DIR.complete says it is there). Usage: SparkCorpus DIR DOCS FILES.
 */
public final class SparkCorpus {
    private SparkCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int docs = Integer.parseInt(args[1]);
        int files = Integer.parseInt(args[2]);
        Path done = dir.resolveSibling(dir.getFileName() + ".complete"); // beside it: import would report it
        if (Files.exists(done)) return;
        Files.createDirectories(dir);
        SyntheticCorpus corpus = new SyntheticCorpus(7, 20_000, 500);
        WarcWriter[] writers = new WarcWriter[files];
        FileChannel[] channels = new FileChannel[files];
        for (int f = 0; f < files; f++) {
            channels[f] = FileChannel.open(dir.resolve(String.format("corpus-%03d.warc.gz", f)),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            writers[f] = new WarcWriter(channels[f], WarcCompression.GZIP);
        }
        for (int n = 0; n < docs; n++) {
            SyntheticCorpus.Doc d = corpus.next();
            byte[] body = html(d).getBytes(StandardCharsets.UTF_8);
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(body);
            HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, body).build();
            Instant date = org.warctrail.provenance.TimeOrder.instant(d.timestamp());
            writers[n % files].write(new WarcResponse.Builder(URI.create(d.url())).date(date).body(http)
                    .payloadDigest(new WarcDigest(sha1)).build());
        }
        for (int f = 0; f < files; f++) {
            writers[f].close();
            channels[f].close();
        }
        Files.writeString(done, docs + " documents\n");
    }

    private static String html(SyntheticCorpus.Doc d) {
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>").append(d.title())
                .append("</title><meta property=\"article:published_time\" content=\"").append(d.published())
                .append("\"></head><body><nav>");
        for (SyntheticCorpus.Planted l : d.links()) {
            if (l.kind().equals("navigation")) html.append("<a href=\"").append(l.url()).append("\">").append(l.text()).append("</a> ");
        }
        html.append("</nav><article><h1>").append(d.title()).append("</h1>");
        String[] paragraphs = d.text().split("\n\n");
        for (int p = 0; p < paragraphs.length - 1; p++) {
            html.append("<p>").append(escape(paragraphs[p]));
            if (p == paragraphs.length - 2) {
                for (SyntheticCorpus.Planted l : d.links()) {
                    if (!l.kind().equals("navigation")) {
                        html.append(" <a href=\"").append(l.url()).append("\">").append(l.text()).append("</a>");
                    }
                }
            }
            html.append("</p>\n");
        }
        html.append("</article><footer><p>").append(escape(paragraphs[paragraphs.length - 1]))
                .append("</p></footer></body></html>\n");
        return html.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
