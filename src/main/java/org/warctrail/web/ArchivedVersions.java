package org.warctrail.web;

import java.io.IOException;
import java.io.InputStream;
import org.warctrail.extract.Document;
import org.warctrail.extract.Extractor;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.WarcStore;
import org.warctrail.versions.Version;

/**
 * Reads a capture as the differ sees it: its status, redirect and digest from the index, and the document the
 * extractor makes of its payload (a revisit's payload is the response it refers to).
 */
public final class ArchivedVersions {
    private final WarcStore store;
    private final CaptureLookup index;
    private final Extractor extractor = new Extractor();

    public ArchivedVersions(WarcStore store, CaptureLookup index) {
        this.store = store;
        this.index = index;
    }

    public Version read(CaptureRow row) throws IOException {
        try (ArchivedResponse archived = ArchivedResponse.open(store, index, row)) {
            int status = archived.status();
            Document document = null;
            if (status == 0 || (status >= 200 && status < 300)) {
                byte[] payload;
                try (InputStream in = new BoundedInputStream(archived.decodedBody(), ReplayHandler.MAX_REWRITE_BYTES,
                        row.url() + " at offset " + row.offset() + " of " + row.file())) {
                    payload = in.readAllBytes();
                }
                document = extractor.extract(row.url(), archived.payloadHeaders().contentType().orElse(row.mime()), payload);
            }
            return new Version(row.url(), row.timestamp(), status, row.redirect(), row.digest(), document);
        }
    }
}
