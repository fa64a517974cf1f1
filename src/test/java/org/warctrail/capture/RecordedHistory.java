package org.warctrail.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A test PayloadHistory built from the response records of earlier WARCs, as the index provides it. */
final class RecordedHistory implements PayloadHistory {
    private final Map<String, PriorCapture> last = new HashMap<>();

    void add(Path warc) throws IOException {
        for (ArchivedRecord r : ArchivedRecord.readAll(warc)) {
            if (r.type().equals("response")) {
                last.put(r.target(), new PriorCapture(r.target(), Instant.parse(r.header("WARC-Date")),
                        r.header("WARC-Payload-Digest"), r.header("WARC-Record-ID")));
            }
        }
    }

    @Override
    public Optional<PriorCapture> lastCapture(String url) {
        return Optional.ofNullable(last.get(url));
    }
}
