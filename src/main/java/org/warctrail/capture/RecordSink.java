package org.warctrail.capture;

import java.io.IOException;
import java.util.List;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Where the crawler puts what it fetched. Implemented by the store; capture never knows about files.
 * The records of one call (a request and its response, say) are written together, in order, into one file.
 */
public interface RecordSink {
    void write(List<WarcRecord> records) throws IOException;
}
