package org.warctrail.index;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.warctrail.extract.Document;

/** Records and a fake extractor for index tests. */
public final class TestWarcs {
    private TestWarcs() {
    }

    public static Instant at(String timestamp14) {
        return SurtKey.instant(timestamp14);
    }

    public static WarcResponse html(String url, String timestamp, String html) throws IOException {
        return response(url, timestamp, 200, "text/html; charset=utf-8", html, null);
    }

    public static WarcResponse response(String url, String timestamp, int status, String type, String body, String location)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Status")
                .body(MediaType.parse(type), bytes);
        if (location != null) http.addHeader("Location", location);
        return new WarcResponse.Builder(URI.create(url)).date(at(timestamp)).body(http.build())
                .payloadDigest(digest(bytes)).build();
    }

    public static WarcRevisit revisit(String url, String timestamp, WarcResponse original) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html").build();
        return new WarcRevisit.Builder(URI.create(url), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(at(timestamp)).body(http)
                .refersTo(original.id(), original.target(), original.date())
                .payloadDigest(original.payloadDigest().orElseThrow()).build();
    }

    public static WarcDigest digest(byte[] bytes) {
        try {
            return new WarcDigest(digestOf(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MessageDigest digestOf(byte[] bytes) throws Exception {
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        sha1.update(bytes);
        return sha1;
    }

    public static List<WarcRecord> list(WarcRecord... records) {
        return new ArrayList<>(List.of(records));
    }

    /** Title from <title>, text from the body with tags removed: enough to test search. */
    public static final DocumentExtractor FAKE_EXTRACTOR = (url, contentType, payload) -> {
        String html = new String(payload, StandardCharsets.UTF_8);
        int t1 = html.indexOf("<title>");
        int t2 = html.indexOf("</title>");
        String title = t1 >= 0 && t2 > t1 ? html.substring(t1 + 7, t2) : null;
        int b = html.indexOf("<body>");
        String text = (b >= 0 ? html.substring(b + 6) : html).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (text.contains("EXPLODE")) throw new IllegalStateException("parser blew up");
        return new Document(url, contentType, title, text, null, null, List.of("A. Writer"), "en", null, null, null,
                List.of(), List.of(), null);
    };
}
