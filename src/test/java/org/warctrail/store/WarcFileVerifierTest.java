package org.warctrail.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.index.SiteRecords;

/**
 * Reading records back: other tools' WARC and ARC files are intact or damaged as an independent reader (warcio.js,
 * jwarc's validate) finds them, and damage to one gzip member is named by its offset while the records after it
 * are still read.
 */
class WarcFileVerifierTest {
    private static final Path REAL = Path.of("src/test/resources/real-warcs");

    @TempDir
    Path dir;

    @Test
    void otherToolsFilesReadBackIntactIncludingTheirDigestConventions() throws IOException {
        // chunked: its payload digest is of the chunked bytes, as its writer computed it; the ARC files have no
        // digests, their records only have to read (the filedesc member's newline lies in the next member; a URL
        // with spaces reads as import repairs it)
        for (String file : List.of("warcio/example.warc", "warcio/example.warc.gz",
                "warcio/example-iana.org-chunked.warc", "warcio/example-resource.warc.gz", "warcio/post-test.warc.gz",
                "warcio/example-wget-bad-target-uri.warc.gz", "warcio/example.arc", "warcio/example.arc.gz",
                "warcio/example-space-in-url.arc", "jwarc/cc.warc.gz", "jwarc/gzip_extra_sl.warc.gz")) {
            List<VerifiedRecord> damaged = new ArrayList<>();
            WarcFileVerifier.Outcome o = WarcFileVerifier.verify(REAL.resolve(file), Long.MAX_VALUE, r -> {
                if (!r.intact()) damaged.add(r);
            });
            assertEquals(List.of(), damaged, file);
            assertTrue(o.records() > 0, file);
        }
    }

    @Test
    void damageOtherToolsFindIsFoundToo() throws IOException {
        // warcio.js computes the revisit's block digest as sha1:W5NM..., not the DVRK... its header declares
        List<VerifiedRecord> revisit = damaged("warcio/example-bad-non-chunked.warc.gz");
        assertEquals(1, revisit.size());
        assertEquals("revisit", revisit.get(0).type());
        assertTrue(revisit.get(0).problems().get(0).startsWith("block digest mismatch: declared "
                + "sha1:DVRKRZEWKT4QEWGQOSFOA5KY5VDIWJLW, computed sha1:W5NMHSQVKVJVH3GFFGY7J7SJNY7GMGGO"),
                revisit.toString());
        // a payload digest that is not base32
        List<VerifiedRecord> digest = damaged("warcio/example-digest.warc");
        assertEquals(1, digest.size());
        assertEquals(0, digest.get(0).offset());
        assertTrue(digest.get(0).problems().get(0).contains("cannot be read"), digest.toString());
        // a response cut short, then the request after it read again
        List<VerifiedRecord> truncated = damaged("warcio/example-trunc.warc");
        assertEquals(1197, truncated.get(0).offset());
        assertEquals("http://example.com/", truncated.get(0).url());
    }

    @Test
    void aDamagedGzipMemberIsNamedAndTheRecordsAfterItAreRead() throws IOException {
        List<RecordLocation> written;
        Path file;
        try (RotatingWarcWriter writer =
                     new RotatingWarcWriter(dir, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            written = new ArrayList<>();
            for (List<WarcRecord> batch : SiteRecords.site()) written.addAll(writer.writeAll(batch));
            file = dir.resolve(writer.filesWritten().get(0));
        }
        RecordLocation third = written.get(2);
        RecordLocation sixth = written.get(5);
        flip(file, third.offset() + third.length() - 6); // in the trailer's CRC-32
        flip(file, sixth.offset() + sixth.length() / 2); // in the deflated data

        List<VerifiedRecord> all = new ArrayList<>();
        WarcFileVerifier.Outcome o = WarcFileVerifier.verify(file, Long.MAX_VALUE, all::add);
        assertEquals(written.size() + 1, o.records(), "every record, the warcinfo first: " + all);
        assertEquals(2, o.damaged(), all.toString());
        List<VerifiedRecord> damaged = all.stream().filter(r -> !r.intact()).toList();
        assertEquals(third.offset(), damaged.get(0).offset());
        assertTrue(damaged.get(0).problems().get(0).contains("gzip member at offset " + third.offset() + " of "
                + file + " fails its CRC-32 check"), damaged.get(0).problems().toString());
        assertEquals(sixth.offset(), damaged.get(1).offset());
        assertEquals(sixth.length(), damaged.get(1).length(), "up to the next member, where reading went on");
        for (VerifiedRecord r : all) {
            if (r.intact()) {
                assertTrue(written.stream().anyMatch(w -> w.offset() == r.offset() && w.length() == r.length())
                        || r.offset() == 0, r.toString());
            }
        }
    }

    private static List<VerifiedRecord> damaged(String file) throws IOException {
        List<VerifiedRecord> damaged = new ArrayList<>();
        WarcFileVerifier.verify(REAL.resolve(file), Long.MAX_VALUE, r -> {
            if (!r.intact()) damaged.add(r);
        });
        return damaged;
    }

    private static void flip(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x10);
        }
    }
}
