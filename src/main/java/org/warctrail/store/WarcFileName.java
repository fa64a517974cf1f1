package org.warctrail.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * IIPC-style WARC file names: {@code PREFIX-yyyyMMddHHmmssSSS-SERIAL-HOST.warc.gz}, as Heritrix writes them,
 * so that names sort by creation time and say which machine wrote them.
 */
record WarcFileName(String prefix, Instant created, int serial, String host) {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS").withZone(ZoneOffset.UTC);

    public WarcFileName {
        host = host.replaceAll("[^A-Za-z0-9.\\-]", "_");
    }

    @Override
    public String toString() {
        return prefix + "-" + STAMP.format(created) + "-" + String.format("%05d", serial) + "-" + host + ".warc.gz";
    }
}
