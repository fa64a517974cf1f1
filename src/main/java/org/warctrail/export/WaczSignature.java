package org.warctrail.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code signedData} of a WACZ's {@code datapackage-digest.json}, per Webrecorder's WACZ Signing and
 * Verification 0.1.0. The signature is ECDSA P-256 with SHA-256 over the UTF-8 bytes of the {@code hash} string
 * ({@code "sha256:<hex of datapackage.json>"}), encoded as WebCrypto makes and reads it: r and s, 32 bytes each
 * (IEEE P1363), in base64 — as ArchiveWeb.page signs and py-wacz verifies.
 */
public final class WaczSignature {
    /** The version of the signing recommendation followed. */
    public static final String SPEC_VERSION = "0.1.0";
    private static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private WaczSignature() {
    }

    /** The anonymous signature of {@code hash}: hash, created, software, version, signature, publicKey. */
    public static Map<String, Object> sign(SigningKey key, String hash, Instant created) {
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key.privateKey());
            signer.update(hash.getBytes(StandardCharsets.UTF_8));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + ALGORITHM + ": " + e.getMessage(), e);
        }
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("hash", hash);
        signed.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        signed.put("software", WaczExporter.SOFTWARE);
        signed.put("version", SPEC_VERSION);
        signed.put("signature", Base64.getEncoder().encodeToString(signature));
        signed.put("publicKey", key.publicKeyBase64());
        return signed;
    }

    /**
     * Checks the signature of {@code hash} given in {@code signedData}: with its {@code publicKey} (anonymous), or
     * with the first certificate of its {@code domainCert} (whose trust is not checked here). Empty when it holds,
     * else what failed.
     */
    public static Optional<String> verify(Map<String, Object> signedData, String hash) {
        Object signature = signedData.get("signature");
        if (!(signature instanceof String encoded)) return Optional.of("signedData has no signature");
        if (!hash.equals(signedData.get("hash"))) {
            return Optional.of("signedData signs hash " + signedData.get("hash") + ", datapackage.json's is " + hash);
        }
        try {
            PublicKey key = publicKey(signedData);
            Signature verifier = Signature.getInstance(key.getAlgorithm().equals("EC") ? ALGORITHM : "SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(hash.getBytes(StandardCharsets.UTF_8));
            byte[] bytes = Base64.getDecoder().decode(encoded);
            // a DER-encoded ECDSA signature (as some signers write it) is accepted too
            boolean valid = bytes.length == 64 ? verifier.verify(bytes) : verifyDer(key, hash, bytes);
            if (!valid) return Optional.of("the signature does not match the hash and public key");
            return WaczTimestamp.verify(signedData);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.of("the signature cannot be checked: " + e.getMessage());
        }
    }

    private static boolean verifyDer(PublicKey key, String hash, byte[] der) throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(hash.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(der);
    }

    private static PublicKey publicKey(Map<String, Object> signedData) throws GeneralSecurityException {
        if (signedData.get("publicKey") instanceof String spki) {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(spki)));
        }
        if (signedData.get("domainCert") instanceof String pem) {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
            return cert.getPublicKey();
        }
        throw new GeneralSecurityException("signedData has neither publicKey nor domainCert");
    }

    /** Who signed, as far as the package says (the public key, or the domain), and when a timestamp says. */
    public static String signer(Map<String, Object> signedData) {
        String who = signedData.get("publicKey") instanceof String key ? "public key " + key
                : signedData.get("domain") instanceof String domain ? "domain " + domain : "unknown";
        String when = WaczTimestamp.time(signedData).map(t -> ", timestamped " + t).orElse("");
        boolean certificates = signedData.containsKey("domainCert") || signedData.containsKey("timeSignature");
        return who + when + (certificates ? " (certificate trust not checked)" : "");
    }
}
