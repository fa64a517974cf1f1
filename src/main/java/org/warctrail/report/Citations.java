package org.warctrail.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.MessageHeaders;
import org.warctrail.extract.Document;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.StoredDocuments;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.WarcStore;

/**
 * The archived copies a report cites, numbered in the order they are first cited, each read back from its WARC
 * record once for the digests it declares (the index keeps only the payload's).
 */
final class Citations {
    private final CaptureIndex index;
    private final WarcStore store;
    private final String baseUrl;
    private final StoredDocuments documents;
    private final Map<Long, ArchivedCopy> copies = new LinkedHashMap<>();

    /** @param baseUrl the archive's address, ending in "/", under which {@code web/TIMESTAMP/URL} replays */
    Citations(CaptureIndex index, WarcStore store, String baseUrl) {
        this.index = index;
        this.store = store;
        this.baseUrl = baseUrl;
        this.documents = new StoredDocuments(index);
    }

    /** The archive's address for a capture: Wayback's form, which {@code serve} answers. */
    String versionUrl(String timestamp, String url) {
        return baseUrl + "web/" + timestamp + "/" + url;
    }

    /** The copy of a capture, numbered on its first citation. */
    ArchivedCopy cite(CaptureRow row) {
        return copies.computeIfAbsent(row.id(), id -> read(row, copies.size() + 1));
    }

    /** The copy of a URL captured at exactly {@code timestamp}, if the index has one. */
    Optional<ArchivedCopy> cite(String url, String timestamp) {
        if (url == null || timestamp == null) return Optional.empty();
        CaptureRow exact = null;
        for (CaptureRow row : index.captures(url)) {
            if (!row.timestamp().equals(timestamp)) continue;
            if (exact == null || (exact.failed() && !row.failed())) exact = row;
        }
        return Optional.ofNullable(exact).map(this::cite);
    }

    List<ArchivedCopy> all() {
        return new ArrayList<>(copies.values());
    }

    private ArchivedCopy read(CaptureRow row, int number) {
        String indexed = row.digest() == null ? null : "sha1:" + row.digest() + " (computed by the index: the record "
                + "declares none)";
        String payload = indexed;
        String block = null;
        String problem = null;
        try (StoredRecord stored = store.read(row.file(), row.offset())) {
            MessageHeaders headers = stored.record().headers();
            payload = headers.first("WARC-Payload-Digest").orElse(payload);
            block = headers.first("WARC-Block-Digest").orElse(null);
        } catch (IOException e) {
            problem = "unreadable record at offset " + row.offset() + " of " + row.file() + ": " + e.getMessage();
        }
        // the title of this capture: a corrected headline is not the title of the copy before it
        String title = documents.of(row).map(Document::title).filter(t -> !t.isBlank()).orElse(null);
        return new ArchivedCopy(number, row.url(), row.timestamp(), title,
                versionUrl(row.timestamp(), row.url()), row.status(), row.recordType().name().toLowerCase(Locale.ROOT),
                row.file(), row.offset(), row.length(), row.recordId(), payload, block, problem);
    }
}
