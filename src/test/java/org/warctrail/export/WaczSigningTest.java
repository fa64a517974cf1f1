package org.warctrail.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.capture.TimestampClient;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.SiteRecords;
import org.warctrail.store.WarcStore;
import org.warctrail.testing.NodeScripts;

/**
 * A signed WACZ (WACZ Signing and Verification, anonymous profile): node's WebCrypto, not our code, verifies the
 * signature; our verifier accepts the package as written and rejects it after one altered byte.
 */
class WaczSigningTest {
    @TempDir
    Path dir;
    private Archive archive;
    private WarcStore store;
    private CaptureIndex index;

    @BeforeEach
    void archiveTheSite() throws IOException {
        archive = Archives.open(dir.resolve("store"), m -> { });
        try (ArchiveRecordSink sink = archive.recordSink(1 << 20, Map.of())) {
            for (List<WarcRecord> batch : SiteRecords.site()) sink.writeAll(batch);
        }
        store = archive.store();
        index = archive.index();
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void nodesWebCryptoVerifiesTheSignatureOfAPackageSignedWithTheStoresKey() throws Exception {
        NodeScripts.assumeNode();
        Path wacz = dir.resolve("signed.wacz");
        SigningKey key = SigningKey.ofStore(store.dir());
        new WaczExporter(store, index).signWith(key).export(wacz, List.of(), false);

        Map<String, byte[]> entries = entries(wacz);
        Path datapackage = Files.write(dir.resolve("datapackage.json"), entries.get("datapackage.json"));
        Path digest = Files.write(dir.resolve("datapackage-digest.json"), entries.get("datapackage-digest.json"));
        JsonNode signed = new ObjectMapper().readTree(digest.toFile()).get("signedData");
        assertEquals(List.of("hash", "created", "software", "version", "signature", "publicKey"),
                fieldNames(signed));
        assertEquals(64, Base64.getDecoder().decode(signed.get("signature").asText()).length, "r||s, as WebCrypto signs");
        assertEquals(key.publicKeyBase64(), signed.get("publicKey").asText());

        JsonNode node = new ObjectMapper().readTree(NodeScripts.run("verify-wacz-signature.mjs",
                datapackage.toString(), digest.toString()));
        assertTrue(node.get("hashMatches").asBoolean(), node.toString());
        assertTrue(node.get("signatureValid").asBoolean(), node.toString());
        assertFalse(node.get("tamperedValid").asBoolean(), node.toString());

        WaczVerifier.Outcome outcome = WaczVerifier.verify(wacz);
        assertTrue(outcome.intact(), outcome.problems().toString());
        assertTrue(outcome.signed());
        assertEquals("public key " + key.publicKeyBase64(), outcome.signer());
        assertEquals(4, outcome.resources(), "the WARC, index.cdx.gz, index.idx and pages.jsonl: " + outcome);
    }

    @Test
    void theStoresKeyIsMadeOnceAndReadableByItsOwnerOnly() throws Exception {
        SigningKey first = SigningKey.ofStore(store.dir());
        Path file = store.dir().resolve(SigningKey.STORE_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first.publicKeyBase64(), SigningKey.ofStore(store.dir()).publicKeyBase64());

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException refused = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> SigningKey.ofStore(store.dir()));
        assertTrue(refused.getMessage().contains("readable by others"), refused.getMessage());
    }

    @Test
    void ownKeyFromAPkcs8PemSignsAndItsPublicKeyIsDerived() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        Path pem = dir.resolve("mine.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(pem, PosixFilePermissions.fromString("rw-------"));

        SigningKey mine = SigningKey.load(pem);
        assertEquals(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()), mine.publicKeyBase64());
        Path wacz = dir.resolve("mine.wacz");
        new WaczExporter(store, index).signWith(mine).export(wacz, List.of(SiteRecords.PAGE), false);
        WaczVerifier.Outcome outcome = WaczVerifier.verify(wacz);
        assertTrue(outcome.intact(), outcome.problems().toString());
        assertEquals("public key " + mine.publicKeyBase64(), outcome.signer());
        assertNotEquals(SigningKey.ofStore(store.dir()).publicKeyBase64(), mine.publicKeyBase64());
    }

    @Test
    void oneAlteredByteInAWarcInTheManifestOrInTheSignatureIsRejected() throws Exception {
        Path wacz = dir.resolve("signed.wacz");
        new WaczExporter(store, index).signWith(SigningKey.ofStore(store.dir())).export(wacz, List.of(), false);
        assertTrue(WaczVerifier.verify(wacz).intact());

        // a byte inside the stored WARC: its hash no longer matches (and the zip's CRC-32 neither)
        String warc = entryNames(wacz).stream().filter(n -> n.startsWith("archive/")).findFirst().orElseThrow();
        long warcSize;
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            warcSize = zip.getEntry(warc).getSize();
        }
        Path altered = alteredCopy(wacz, "warc.wacz", dataOffset(wacz, warc) + warcSize / 2);
        WaczVerifier.Outcome broken = WaczVerifier.verify(altered);
        assertFalse(broken.intact());
        assertTrue(broken.problems().stream().anyMatch(p -> p.startsWith(warc + " does not match its hash")),
                broken.problems().toString());

        // a byte of the deflated datapackage.json as stored in the zip: it no longer inflates to what was written
        long deflated = dataOffset(wacz, "datapackage.json") + 10;
        assertFalse(WaczVerifier.verify(alteredCopy(wacz, "deflated.wacz", deflated)).intact());

        // one character of datapackage.json (a resource's size), the zip made again around it: the digest file's
        // hash no longer matches it
        Path manifest = rewritten(wacz, "manifest.wacz", "datapackage.json", "\"bytes\" : ");
        WaczVerifier.Outcome unsealed = WaczVerifier.verify(manifest);
        assertTrue(unsealed.problems().stream().anyMatch(p -> p.startsWith("datapackage-digest.json gives")),
                unsealed.problems().toString());

        // one character of the signature
        Path signature = rewritten(wacz, "signature.wacz", "datapackage-digest.json", "\"signature\" : \"");
        WaczVerifier.Outcome forged = WaczVerifier.verify(signature);
        assertTrue(forged.problems().stream().anyMatch(p -> p.startsWith("datapackage-digest.json: the signature")),
                forged.problems().toString());
    }

    /** A copy of the package whose entry has the character after {@code marker} changed, the zip written anew. */
    private Path rewritten(Path wacz, String name, String entry, String marker) throws IOException {
        Path copy = dir.resolve(name);
        try (ZipFile zip = new ZipFile(wacz.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals(entry)) {
                    int at = indexOf(bytes, marker.getBytes(StandardCharsets.UTF_8), 0) + marker.length();
                    assertTrue(at >= marker.length(), marker + " not in " + entry);
                    bytes[at] = (byte) (bytes[at] == '1' ? '2' : bytes[at] == 'A' ? 'B' : bytes[at] ^ 0x01);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /** Where an entry's data starts in the zip: after its local header (30 bytes, name, extra field). */
    private static long dataOffset(Path wacz, String entry) throws IOException {
        byte[] all = Files.readAllBytes(wacz);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int at = indexOf(all, name, 0); at >= 0; at = indexOf(all, name, at + 1)) {
            int header = at - 30;
            boolean localHeader = header >= 0 && all[header] == 'P' && all[header + 1] == 'K' && all[header + 2] == 3
                    && all[header + 3] == 4;
            if (localHeader) {
                int extra = (all[header + 28] & 0xff) | (all[header + 29] & 0xff) << 8;
                return at + name.length + extra;
            }
        }
        throw new AssertionError("no local header for " + entry);
    }

    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aTimestampFromAnAuthorityTravelsWithTheSignatureAndIsChecked() throws Exception {
        SigningKey key = SigningKey.ofStore(store.dir());
        Path wacz = dir.resolve("stamped.wacz");
        try (LocalTsa tsa = new LocalTsa()) {
            WaczTimestamp.Authority authority = new TimestampClient(tsa.uri(), java.time.Duration.ofSeconds(20))::reply;
            new WaczExporter(store, index).signWith(key).timestampWith(authority).export(wacz, List.of(), false);
            assertEquals(1, tsa.answered.get());

            JsonNode signed = new ObjectMapper().readTree(entries(wacz).get("datapackage-digest.json")).get("signedData");
            assertEquals(List.of("hash", "created", "software", "version", "signature", "publicKey", "timeSignature",
                    "timestampCert"), fieldNames(signed));
            assertTrue(signed.get("timestampCert").asText().startsWith("-----BEGIN CERTIFICATE-----\n"));
            WaczVerifier.Outcome outcome = WaczVerifier.verify(wacz);
            assertTrue(outcome.intact(), outcome.problems().toString());
            assertTrue(outcome.signer().startsWith("public key " + key.publicKeyBase64() + ", timestamped "),
                    outcome.signer());

            // a created date an hour from the stamped time
            Path late = rewrittenSignedData(wacz, "late.wacz", data -> data.put("created",
                    java.time.Instant.parse(data.get("created").asText()).plusSeconds(3600).toString()));
            assertTrue(WaczVerifier.verify(late).problems().stream().anyMatch(p -> p.contains("is not within 10 minutes")),
                    WaczVerifier.verify(late).problems().toString());

            // the timestamp of another signature
            String other = (String) WaczTimestamp.stamp("another signature", java.time.Instant.now(), authority)
                    .get("timeSignature");
            Path swapped = rewrittenSignedData(wacz, "swapped.wacz", data -> data.put("timeSignature", other));
            assertTrue(WaczVerifier.verify(swapped).problems().stream()
                            .anyMatch(p -> p.contains("the timestamp is of something else than the signature")),
                    WaczVerifier.verify(swapped).problems().toString());
        }
    }

    /** A copy of the package whose signedData is changed by {@code edit}, the zip written anew. */
    private Path rewrittenSignedData(Path wacz, String name,
                                     java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> edit)
            throws IOException {
        Path copy = dir.resolve(name);
        ObjectMapper json = new ObjectMapper();
        try (ZipFile zip = new ZipFile(wacz.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(copy))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                byte[] bytes = zip.getInputStream(e).readAllBytes();
                if (e.getName().equals("datapackage-digest.json")) {
                    JsonNode digest = json.readTree(bytes);
                    edit.accept((com.fasterxml.jackson.databind.node.ObjectNode) digest.get("signedData"));
                    bytes = json.writeValueAsBytes(digest);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return copy;
    }

    /** A copy of the package with the byte at {@code at} changed. */
    private Path alteredCopy(Path wacz, String name, long at) throws IOException {
        Path copy = Files.copy(wacz, dir.resolve(name));
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b == '1' ? '2' : b == 'A' ? 'B' : b ^ 0x01);
        }
        return copy;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
            return i;
        }
        return -1;
    }

    private static Map<String, byte[]> entries(Path wacz) throws IOException {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static List<String> entryNames(Path wacz) throws IOException {
        return List.copyOf(entries(wacz).keySet());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
