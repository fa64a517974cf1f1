package org.warctrail.capture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;

/**
 * The records of what a browser made of a page: its rendered DOM ({@code urn:rendered-dom:URL}, text/html) and a
 * full-page screenshot ({@code urn:screenshot:URL}, image/png), as WARC {@code resource} records dated as the page's
 * response and linked to it by WARC-Concurrent-To. They are written right after the page's response record: the
 * index reads the page's document from the rendered DOM that follows its response.
 */
public final class RenderedRecords {
    /** The target URI prefix of a page's rendered DOM. */
    public static final String DOM_PREFIX = "urn:rendered-dom:";
    /** The target URI prefix of a page's screenshot. */
    public static final String SCREENSHOT_PREFIX = "urn:screenshot:";

    private RenderedRecords() {
    }

    /** The rendered DOM (when not null) and the screenshot (when not null) of the page whose response is {@code responseId}. */
    static List<WarcRecord> of(URI page, Instant date, URI responseId, String dom, byte[] png) {
        List<WarcRecord> records = new ArrayList<>(2);
        if (dom != null) {
            records.add(resource(DOM_PREFIX + page, date, responseId, MediaType.parse("text/html; charset=utf-8"),
                    dom.getBytes(StandardCharsets.UTF_8)));
        }
        if (png != null) {
            records.add(resource(SCREENSHOT_PREFIX + page, date, responseId, MediaType.parse("image/png"), png));
        }
        return records;
    }

    private static WarcRecord resource(String target, Instant date, URI responseId, MediaType type, byte[] content) {
        return new WarcResource.Builder(URI.create(target))
                .version(MessageVersion.WARC_1_1)
                .recordId(URI.create("urn:uuid:" + UUID.randomUUID()))
                .date(date)
                .concurrentTo(responseId)
                .body(type, content)
                .blockDigest(CaptureRecords.digest(content))
                .payloadDigest(CaptureRecords.digest(content))
                .build();
    }
}
