package org.warctrail.index;

import java.util.List;

/**
 * What indexing one file did.
 *
 * @param records       records read (every type, including warcinfo and request)
 * @param captures      capture rows added
 * @param documents     documents extracted (including those whose extraction failed)
 * @param extractionErrors documents whose extraction failed
 * @param badRecords    unreadable records, skipped
 * @param sharedMembers records that share a gzip member with the one before (a whole-file gzip): not addressable
 * @param stoppedAt     where indexing stopped (the file size when it read to the end)
 */
public record FileIndexReport(String file, long records, long captures, long documents, long extractionErrors,
                              List<BadRecord> badRecords, long sharedMembers, long stoppedAt) {
}
