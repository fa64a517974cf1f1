package org.warctrail.index;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;

/**
 * The keys of POST and PUT requests read before their responses, waiting for them: by the record ids the request
 * names in WARC-Concurrent-To and by its own id (a response may name either). Bounded: a file of requests whose
 * responses never come stays small.
 */
final class WaitingPostKeys {
    private static final int MAX_WAITING = 10_000;
    private final Map<String, PostKey> byRecordId = new HashMap<>();

    boolean isEmpty() {
        return byRecordId.isEmpty();
    }

    /** The request's key waits for one of {@code responses} (record ids), or for a record naming the request. */
    void await(WarcRequest request, List<String> responses, PostKey key) {
        if (byRecordId.size() >= MAX_WAITING) byRecordId.clear(); // requests whose responses never came
        for (String id : responses) byRecordId.put(id, key);
        byRecordId.put(request.id().toString(), key);
    }

    /** The key waiting for this record (by its own id, else by a record it is concurrent to), or null. */
    PostKey take(WarcRecord record, String recordId) {
        PostKey key = byRecordId.remove(String.valueOf(recordId));
        if (record instanceof WarcCaptureRecord capture) {
            for (URI other : capture.concurrentTo()) {
                if (key == null) key = byRecordId.remove(other.toString());
            }
        }
        return key;
    }
}
