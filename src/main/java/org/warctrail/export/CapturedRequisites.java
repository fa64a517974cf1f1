package org.warctrail.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.capture.DiscoveredLink;
import org.warctrail.capture.LinkFinder;
import org.warctrail.capture.LinkRole;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.WarcStore;

/**
 * The requisites (images, CSS, scripts, frames) of an archived HTML page or stylesheet, found by the extractor's
 * link finder in the payload as it was captured: what an export takes along when the index holds no links for it.
 */
public final class CapturedRequisites implements Function<CaptureRow, Collection<String>> {
    /** Pages larger than this are not searched for requisites (a browser would not render them whole either). */
    static final int MAX_PAYLOAD = 16 << 20;

    private final WarcStore store;
    private final LinkFinder finder;

    public CapturedRequisites(WarcStore store, LinkFinder finder) {
        this.store = store;
        this.finder = finder;
    }

    @Override
    public Collection<String> apply(CaptureRow row) {
        try (StoredRecord stored = store.read(row.file(), row.offset())) {
            WarcRecord record = stored.record();
            MessageBody body;
            String contentType;
            if (record instanceof WarcResponse response) {
                body = response.http().bodyDecoded();
                contentType = response.http().headers().first("Content-Type").orElse(row.mime());
            } else if (record instanceof WarcResource resource) {
                body = resource.body();
                contentType = resource.contentType().toString();
            } else {
                return List.of();
            }
            byte[] payload = readAtMost(body, MAX_PAYLOAD);
            if (payload == null) return List.of();
            List<DiscoveredLink> links = finder.find(new URI(row.url()), contentType, payload);
            return links.stream().filter(l -> l.role() == LinkRole.REQUISITE).map(l -> l.url().toString()).toList();
        } catch (URISyntaxException e) {
            return List.of(); // a target URI no browser could resolve links against
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + row.url() + " at offset " + row.offset() + " of "
                    + row.file() + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAtMost(MessageBody body, int limit) throws IOException {
        try (InputStream in = Channels.newInputStream(body)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }
}
