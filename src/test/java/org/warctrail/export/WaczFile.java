package org.warctrail.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** A WACZ read back whole for assertions (test packages are small). */
public final class WaczFile {
    static final ObjectMapper JSON = new ObjectMapper();

    final Map<String, byte[]> entries = new LinkedHashMap<>();
    final Map<String, Integer> methods = new LinkedHashMap<>();

    WaczFile(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
                methods.put(e.getName(), e.getMethod());
            }
        }
    }

    JsonNode datapackage() throws IOException {
        return JSON.readTree(entries.get("datapackage.json"));
    }

    /**
     * The CDXJ lines of indexes/index.cdx.gz, read block by block as indexes/index.idx lists them (checking each
     * block's key, digest and that the blocks cover the file).
     */
    List<String> cdxj() throws Exception {
        byte[] cdx = entries.get("indexes/index.cdx.gz");
        String[] idx = new String(entries.get("indexes/index.idx"), StandardCharsets.UTF_8).split("\n");
        assertTrue(idx[0].startsWith("!meta 0 {"), idx[0]);
        JsonNode meta = JSON.readTree(idx[0].substring(idx[0].indexOf('{')));
        assertEquals("cdxj-gzip-1.0", meta.get("format").asText());
        assertEquals("index.cdx.gz", meta.get("filename").asText());
        List<String> lines = new ArrayList<>();
        long expectedOffset = 0;
        for (int i = 1; i < idx.length; i++) {
            String key = idx[i].substring(0, idx[i].indexOf(" {"));
            JsonNode block = JSON.readTree(idx[i].substring(idx[i].indexOf(" {") + 1));
            int offset = block.get("offset").asInt();
            int length = block.get("length").asInt();
            assertEquals(expectedOffset, offset, "blocks follow each other");
            expectedOffset = offset + length;
            byte[] member = java.util.Arrays.copyOfRange(cdx, offset, offset + length);
            assertEquals("sha256:" + sha256(member), block.get("digest").asText());
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(member))) {
                String[] blockLines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                assertTrue(blockLines[0].startsWith(key + " {"), "block key " + key + " is its first line's");
                for (String line : blockLines) if (!line.isEmpty()) lines.add(line);
            }
        }
        assertEquals(cdx.length, expectedOffset, "the blocks cover index.cdx.gz");
        return lines;
    }

    /** The JSON part of a CDXJ line. */
    static JsonNode cdxjFields(String line) throws IOException {
        return JSON.readTree(line.substring(line.indexOf('{')));
    }

    /** The lines of pages/pages.jsonl, header first. */
    List<JsonNode> pages() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(entries.get("pages/pages.jsonl"), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) out.add(JSON.readTree(line));
        }
        return out;
    }

    List<String> archiveFiles() {
        return entries.keySet().stream().filter(n -> n.startsWith("archive/")).toList();
    }

    /** Checks every resource's sha256 and size and the datapackage digest, as a WACZ validator does. */
    void assertFixity() throws Exception {
        JsonNode dp = datapackage();
        List<String> listed = new ArrayList<>();
        for (JsonNode r : dp.get("resources")) {
            String path = r.get("path").asText();
            listed.add(path);
            byte[] bytes = entries.get(path);
            assertTrue(bytes != null, "resource " + path + " is not in the zip");
            assertEquals("sha256:" + sha256(bytes), r.get("hash").asText(), "hash of " + path);
            assertEquals(bytes.length, r.get("bytes").asLong(), "size of " + path);
        }
        List<String> inZip = new ArrayList<>(entries.keySet());
        inZip.removeAll(List.of("datapackage.json", "datapackage-digest.json"));
        assertEquals(inZip.stream().sorted().toList(), listed.stream().sorted().toList(), "resources listed");
        JsonNode digest = JSON.readTree(entries.get("datapackage-digest.json"));
        assertEquals("datapackage.json", digest.get("path").asText());
        assertEquals("sha256:" + sha256(entries.get("datapackage.json")), digest.get("hash").asText());
        for (String name : entries.keySet()) {
            if (name.startsWith("archive/") || name.endsWith(".cdx.gz")) {
                assertEquals(ZipEntry.STORED, methods.get(name), name + " must be stored uncompressed in the zip");
            }
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
