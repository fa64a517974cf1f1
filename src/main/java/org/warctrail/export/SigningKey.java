package org.warctrail.export;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;
import org.bouncycastle.jce.ECNamedCurveTable;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;

/**
 * An ECDSA P-256 key pair that signs WACZ packages (the anonymous profile of WACZ Signing and Verification). A store
 * makes its own once ({@value #STORE_FILE}, readable by its owner only) and keeps it; one's own comes as a PKCS#8
 * PEM file ({@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256}).
 */
public record SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    /** The store's key, beside its index. */
    public static final String STORE_FILE = "signing-key.pem";
    private static final String CURVE = "secp256r1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The public key as the WACZ signature carries it: base64 of its DER SubjectPublicKeyInfo. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The store's key pair, made now if it has none yet. */
    public static SigningKey ofStore(Path storeDir) throws IOException {
        Path file = storeDir.resolve(STORE_FILE);
        if (Files.exists(file)) return load(file);
        KeyPair pair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec(CURVE));
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no ECDSA P-256: " + e.getMessage(), e);
        }
        Path partial = ownerOnlyTempFile(storeDir);
        try {
            Files.writeString(partial, pem(pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            // a link, not a move, which would replace a key another process made meanwhile (and signed with)
            Files.createLink(file, partial);
        } catch (FileAlreadyExistsException e) {
            return load(file);
        } finally {
            Files.deleteIfExists(partial);
        }
        return load(file);
    }

    /**
     * Reads a PKCS#8 PEM private key on the P-256 curve (its public key is computed from it). The store's own key must
     * not be readable by others: a key anyone can read proves nothing.
     */
    public static SigningKey load(Path pemFile) throws IOException {
        if (Files.getFileStore(pemFile).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(pemFile);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IOException("signing key " + pemFile + " is readable by others; chmod 600 " + pemFile);
            }
        }
        String text = Files.readString(pemFile, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
        int end = text.indexOf("-----END PRIVATE KEY-----");
        if (begin < 0 || end < begin) {
            throw new IOException(pemFile + " is not a PKCS#8 PEM private key (BEGIN PRIVATE KEY); convert it with "
                    + "openssl pkcs8 -topk8 -nocrypt");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
        } catch (IllegalArgumentException e) {
            throw new IOException(pemFile + ": the key is not base64: " + e.getMessage(), e);
        }
        try {
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            if (!(key instanceof ECPrivateKey ec) || !isP256(ec)) {
                throw new IOException(pemFile + " is not an ECDSA P-256 key (WACZ signatures are P-256)");
            }
            ECNamedCurveParameterSpec curve = ECNamedCurveTable.getParameterSpec(CURVE);
            org.bouncycastle.math.ec.ECPoint q = curve.getG().multiply(ec.getS()).normalize();
            ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
            return new SigningKey(key, factory.generatePublic(new ECPublicKeySpec(w, ec.getParams())));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + " is not an EC private key: " + e.getMessage(), e);
        }
    }

    private static boolean isP256(ECPrivateKey key) {
        BigInteger order = ECNamedCurveTable.getParameterSpec(CURVE).getN();
        return key.getParams().getOrder().equals(order);
    }

    private static Path ownerOnlyTempFile(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return Files.createTempFile(dir, ".signing-key-", ".part", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Path p = Files.createTempFile(dir, ".signing-key-", ".part");
        p.toFile().setReadable(false, false);
        p.toFile().setReadable(true, true);
        return p;
    }

    private static String pem(byte[] der) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }
}
