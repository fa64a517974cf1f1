package org.warctrail.capture;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A record read back from a test WARC: its WARC headers, its block, and for responses the payload
 * (jwarc's view: chunked framing removed) and the decoded payload (content coding removed too).
 */
record ArchivedRecord(String type, MessageHeaders headers, byte[] block, byte[] payload, byte[] decoded) {

    String header(String name) {
        return headers.first(name).orElse(null);
    }

    String target() {
        return header("WARC-Target-URI");
    }

    static List<ArchivedRecord> readAll(Path warc) throws IOException {
        List<ArchivedRecord> records = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                records.add(new ArchivedRecord(record.type(), record.headers(), record.body().stream().readAllBytes(), null, null));
            }
        }
        List<ArchivedRecord> withPayloads = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            int i = 0;
            for (WarcRecord record : reader) {
                ArchivedRecord r = records.get(i++);
                if (record instanceof WarcResponse response) {
                    byte[] payload = response.http().body().stream().readAllBytes();
                    byte[] decoded;
                    try (InputStream in = decodedStream(response, payload)) {
                        decoded = in.readAllBytes();
                    }
                    r = new ArchivedRecord(r.type(), r.headers(), r.block(), payload, decoded);
                }
                withPayloads.add(r);
            }
        }
        return withPayloads;
    }

    private static InputStream decodedStream(WarcResponse response, byte[] payload) throws IOException {
        Optional<String> coding = response.http().headers().first("Content-Encoding");
        if (coding.isPresent() && coding.get().equalsIgnoreCase("gzip")) {
            return new java.util.zip.GZIPInputStream(new ByteArrayInputStream(payload));
        }
        return new ByteArrayInputStream(payload);
    }
}
