package org.warctrail.export;

import java.nio.file.Path;

/** A run of bytes of a file: the gzip members (or plain records) copied into a WACZ's WARC unchanged. */
record ByteRange(Path file, long start, long length) {
    long end() {
        return start + length;
    }
}
