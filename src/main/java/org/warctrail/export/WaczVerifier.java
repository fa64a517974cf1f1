package org.warctrail.export;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Checks a WACZ package as WACZ Signing and Verification says: every resource against the hash and size
 * {@code datapackage.json} gives it, {@code datapackage.json} against the hash in {@code datapackage-digest.json},
 * and the signature of that hash when there is one. The zip is read twice, both ways readers take it: in order
 * through its local headers (each entry's CRC-32 checked, each hashed once), and by its central directory (which
 * ReplayWeb.page uses to fetch records by range), whose entries must be the same. An entry that datapackage.json does
 * not list is a problem too: it could be added to a signed package unnoticed.
 */
public final class WaczVerifier {
    private static final String DATAPACKAGE = "datapackage.json";
    private static final String DIGEST = "datapackage-digest.json";
    private static final int BUFFER = 64 * 1024;

    /**
     * What a check found.
     *
     * @param resources resources of datapackage.json checked
     * @param signed    whether datapackage-digest.json carries a signature
     * @param signer    who signed (the public key, or the domain), or null
     * @param created   when the package says it was signed (or made), or null
     * @param problems  each failure, naming the entry at fault; empty when the package is intact
     */
    public record Outcome(Path file, int resources, boolean signed, String signer, String created,
                          List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }
    }

    /**
     * An entry as read: its digests (hex, by algorithm name as Java knows it), size, CRC-32, and its bytes when it is
     * datapackage.json or the digest file; or why it could not be read whole ({@code damage}).
     */
    private record Read(Map<String, String> hashes, long size, long crc, byte[] content, String damage) {
        static Read damaged(String why) {
            return new Read(Map.of(), -1, -1, null, why);
        }
    }

    private WaczVerifier() {
    }

    public static Outcome verify(Path wacz) throws IOException {
        if (!Files.isRegularFile(wacz)) throw new java.nio.file.NoSuchFileException(wacz.toString());
        List<String> problems = new ArrayList<>();
        Map<String, Read> entries = new LinkedHashMap<>();
        List<String> algorithms = algorithmsUsed(wacz);
        boolean whole = readInOrder(wacz, algorithms, entries, problems);
        compareCentralDirectory(wacz, algorithms, entries, whole, problems);
        byte[] datapackage = entries.containsKey(DATAPACKAGE) ? entries.get(DATAPACKAGE).content() : null;
        byte[] digestFile = entries.containsKey(DIGEST) ? entries.get(DIGEST).content() : null;
        if (datapackage == null) {
            Read read = entries.get(DATAPACKAGE);
            problems.add(read == null ? "no " + DATAPACKAGE + " in the package"
                    : DATAPACKAGE + " is damaged: " + read.damage());
            return new Outcome(wacz, 0, false, null, null, problems);
        }
        Map<String, Object> manifest = json(datapackage, DATAPACKAGE, problems);
        int resources = checkResources(manifest, entries, problems);
        String hash = "sha256:" + HexFormat.of().formatHex(digest("SHA-256").digest(datapackage));
        if (digestFile == null && entries.containsKey(DIGEST)) {
            problems.add(DIGEST + " is damaged: " + entries.get(DIGEST).damage());
        }
        if (digestFile == null) {
            return new Outcome(wacz, resources, false, null, text(manifest.get("created")), problems);
        }
        Map<String, Object> digest = json(digestFile, DIGEST, problems);
        if (!hash.equals(digest.get("hash"))) {
            problems.add(DIGEST + " gives " + DATAPACKAGE + " hash " + digest.get("hash") + ", its hash is " + hash);
        }
        if (!(digest.get("signedData") instanceof Map<?, ?> raw)) {
            return new Outcome(wacz, resources, false, null, text(manifest.get("created")), problems);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> signed = (Map<String, Object>) raw;
        WaczSignature.verify(signed, hash).ifPresent(p -> problems.add(DIGEST + ": " + p));
        return new Outcome(wacz, resources, true, WaczSignature.signer(signed), text(signed.get("created")), problems);
    }

    /**
     * Reads the entries in order through their local headers; an entry failing its CRC-32 (or not inflating) is
     * marked damaged and reading goes on. False when the zip could not be read to its end (the rest is then read by
     * the central directory).
     */
    private static boolean readInOrder(Path wacz, List<String> algorithms, Map<String, Read> entries,
                                       List<String> problems) {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(wacz), BUFFER))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) continue;
                if (entries.containsKey(e.getName())) problems.add("entry " + e.getName() + " appears twice");
                try {
                    entries.put(e.getName(), read(zip, e, algorithms));
                } catch (java.util.zip.ZipException damaged) {
                    // a CRC-32 that fails, or deflated data that does not inflate: reading goes on at the next entry
                    entries.put(e.getName(), Read.damaged("it does not read whole (" + message(damaged) + ")"));
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            problems.add(wacz.getFileName() + " does not read in order to its end: " + message(e));
            return false;
        }
    }

    private static Read read(InputStream in, ZipEntry entry, List<String> algorithms) throws IOException {
        boolean json = entry.getName().equals(DATAPACKAGE) || entry.getName().equals(DIGEST);
        java.io.ByteArrayOutputStream content = json ? new java.io.ByteArrayOutputStream() : null;
        List<MessageDigest> digests = algorithms.stream().map(WaczVerifier::digest).toList();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] buffer = new byte[BUFFER];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            for (MessageDigest d : digests) d.update(buffer, 0, n);
            crc.update(buffer, 0, n);
            if (content != null) content.write(buffer, 0, n);
            size += n;
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (MessageDigest d : digests) hashes.put(d.getAlgorithm(), hex(d));
        return new Read(hashes, size, crc.getValue(), content == null ? null : content.toByteArray(), null);
    }

    /**
     * The digest algorithms datapackage.json's hashes use, read through the central directory before the entries
     * are: each entry is then read once. SHA-256 (WACZ's) when that cannot be read.
     */
    private static List<String> algorithmsUsed(Path wacz) {
        List<String> algorithms = new ArrayList<>(List.of("SHA-256"));
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            ZipEntry entry = zip.getEntry(DATAPACKAGE);
            if (entry == null) return algorithms;
            Map<String, Object> manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = WaczZip.JSON.readValue(in, new TypeReference<>() { });
            }
            if (manifest != null && manifest.get("resources") instanceof List<?> resources) {
                for (Object r : resources) {
                    if (r instanceof Map<?, ?> m && m.get("hash") instanceof String hash) {
                        javaAlgorithm(hash).filter(a -> !algorithms.contains(a)).ifPresent(algorithms::add);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // the checks that follow report what is wrong with the zip or its datapackage.json
        }
        return algorithms;
    }

    /**
     * The central directory must list the entries read in order, with the same sizes and CRC-32s. When the zip could
     * not be read in order to its end, the entries not reached are read through the central directory instead.
     */
    private static void compareCentralDirectory(Path wacz, List<String> algorithms, Map<String, Read> entries,
                                                boolean whole, List<String> problems) {
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            int listed = 0;
            for (Enumeration<? extends ZipEntry> all = zip.entries(); all.hasMoreElements(); ) {
                ZipEntry e = all.nextElement();
                if (e.isDirectory()) continue;
                listed++;
                Read read = entries.get(e.getName());
                if (read == null && !whole) {
                    try (InputStream in = zip.getInputStream(e)) {
                        read = read(in, e, algorithms);
                        entries.put(e.getName(), read);
                    } catch (IOException | RuntimeException unreadable) {
                        problems.add(e.getName() + " is unreadable: " + message(unreadable));
                        continue;
                    }
                }
                if (read == null) {
                    problems.add("the zip's central directory lists " + e.getName() + ", which its entries do not hold");
                } else if (read.damage() == null && read.size() != e.getSize() || read.crc() != e.getCrc()) {
                    problems.add("the zip's central directory gives " + e.getName() + " " + e.getSize()
                            + " bytes and CRC-32 " + Long.toHexString(e.getCrc()) + ", the entry has " + read.size()
                            + " bytes and CRC-32 " + Long.toHexString(read.crc()));
                }
            }
            if (whole && listed != entries.size()) {
                problems.add("the zip's central directory lists " + listed + " entries, the zip holds " + entries.size());
            }
        } catch (IOException e) {
            problems.add("the zip's central directory is unreadable: " + message(e));
        }
    }

    private static int checkResources(Map<String, Object> manifest, Map<String, Read> entries, List<String> problems) {
        if (!(manifest.get("resources") instanceof List<?> resources)) {
            problems.add(DATAPACKAGE + " lists no resources");
            return 0;
        }
        Map<String, Boolean> listed = new LinkedHashMap<>();
        for (Object item : resources) {
            if (!(item instanceof Map<?, ?> resource) || !(resource.get("path") instanceof String path)) {
                problems.add(DATAPACKAGE + " has a resource without a path: " + item);
                continue;
            }
            listed.put(path, true);
            Read read = entries.get(path);
            if (read == null) {
                problems.add(path + " is listed in " + DATAPACKAGE + " but not in the package");
                continue;
            }
            if (read.damage() != null) {
                problems.add(path + " does not match its hash: " + read.damage());
                continue;
            }
            String declared = text(resource.get("hash"));
            Optional<String> actual = declared == null ? Optional.empty() : hashOf(read, declared);
            if (declared == null) {
                problems.add(path + " has no hash in " + DATAPACKAGE);
            } else if (actual.isEmpty()) {
                problems.add(path + ": hash " + declared + " uses an algorithm that cannot be checked");
            } else if (!actual.get().equalsIgnoreCase(declared.substring(declared.indexOf(':') + 1))) {
                problems.add(path + " does not match its hash: " + DATAPACKAGE + " says " + declared + ", it is "
                        + actual.get());
            }
            if (resource.get("bytes") instanceof Number bytes && bytes.longValue() != read.size()) {
                problems.add(path + " is " + read.size() + " bytes, " + DATAPACKAGE + " says " + bytes);
            }
        }
        for (String name : entries.keySet()) {
            if (!name.equals(DATAPACKAGE) && !name.equals(DIGEST) && !listed.containsKey(name)) {
                problems.add(name + " is in the package but not listed in " + DATAPACKAGE);
            }
        }
        return listed.size();
    }

    /** The entry's digest in the algorithm the declared hash names (a bare hex value is md5, as Frictionless says). */
    private static Optional<String> hashOf(Read read, String declared) {
        return javaAlgorithm(declared).map(a -> read.hashes().get(a));
    }

    private static Optional<String> javaAlgorithm(String declared) {
        int colon = declared.indexOf(':');
        String algorithm = colon < 0 ? "md5" : declared.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return switch (algorithm) {
            case "sha256", "sha-256" -> Optional.of("SHA-256");
            case "md5" -> Optional.of("MD5");
            case "sha1", "sha-1" -> Optional.of("SHA-1");
            case "sha512", "sha-512" -> Optional.of("SHA-512");
            default -> Optional.empty();
        };
    }

    private static Map<String, Object> json(byte[] bytes, String name, List<String> problems) {
        try {
            Map<String, Object> value = WaczZip.JSON.readValue(bytes, new TypeReference<>() { });
            return value == null ? Map.of() : value;
        } catch (IOException e) {
            problems.add(name + " is not JSON: " + message(e));
            return Map.of();
        }
    }

    private static String text(Object value) {
        return value instanceof String s ? s : null;
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        int line = m.indexOf('\n');
        return line < 0 ? m : m.substring(0, line);
    }
}
