package org.warctrail.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipNumCdxjTest {
    @TempDir
    Path dir;

    @Test
    void linesGoInBlocksThatTheIdxFindsByTheirFirstKey() throws Exception {
        Path cdx = dir.resolve("index.cdx.gz");
        Path idx = dir.resolve("index.idx");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 2 * ZipNumCdxj.LINES_PER_BLOCK + 17; i++) {
            lines.add(String.format("com,example)/p/%06d 20240101000000 {\"url\": \"http://example.com/p/%06d\"}", i, i));
        }
        try (ZipNumCdxj out = new ZipNumCdxj(cdx, idx)) {
            for (String line : lines) out.add(line);
            assertEquals(lines.size(), out.lines());
        }
        // Read back as a WACZ reader does, through WaczFile's checks (keys, digests, coverage).
        Path wacz = dir.resolve("t.wacz");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            zip.putNextEntry(new ZipEntry("indexes/index.cdx.gz"));
            zip.write(Files.readAllBytes(cdx));
            zip.putNextEntry(new ZipEntry("indexes/index.idx"));
            zip.write(Files.readAllBytes(idx));
        }
        WaczFile file = new WaczFile(wacz);
        assertEquals(lines, file.cdxj());
        List<String> idxLines = Files.readAllLines(idx);
        assertEquals(1 + 3, idxLines.size(), "a meta line and three blocks");
        assertTrue(idxLines.get(2).startsWith("com,example)/p/003000 20240101000000 {\"offset\": "), idxLines.get(2));
    }

    @Test
    void refusesLinesOutOfOrder() throws IOException {
        try (ZipNumCdxj out = new ZipNumCdxj(dir.resolve("a.cdx.gz"), dir.resolve("a.idx"))) {
            out.add("com,example)/b 20240101000000 {}");
            assertThrows(IllegalArgumentException.class, () -> out.add("com,example)/a 20240101000000 {}"));
        }
    }

    @Test
    void anEmptyIndexIsTheMetaLineAlone() throws IOException {
        Path idx = dir.resolve("e.idx");
        try (ZipNumCdxj out = new ZipNumCdxj(dir.resolve("e.cdx.gz"), idx)) {
            assertEquals(0, out.lines());
        }
        assertEquals(1, Files.readAllLines(idx).size());
        assertEquals(0, Files.size(dir.resolve("e.cdx.gz")));
    }
}
