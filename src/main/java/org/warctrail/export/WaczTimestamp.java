package org.warctrail.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 timestamp of a WACZ signature, as the domain profile of WACZ Signing and Verification carries it (and
 * as Webrecorder's authsign makes it): the authority stamps the SHA-256 of the {@code signature} string;
 * {@code timeSignature} is its whole reply (DER, base64), {@code timestampCert} the certificates it sent (PEM). The
 * signature's {@code created} must lie within {@value #SLACK_MINUTES} minutes of the stamped time.
 */
public final class WaczTimestamp {
    static final int SLACK_MINUTES = 10;

    /** Sends a DER time-stamp query and returns the authority's DER reply (HTTP lives in capture). */
    @FunctionalInterface
    public interface Authority {
        byte[] reply(byte[] query) throws IOException;
    }

    private WaczTimestamp() {
    }

    /** {@code timeSignature} and {@code timestampCert} for {@code signature}, from {@code authority}. */
    /** The signature of datapackage.json's hash, timestamped when an authority is given (null for none). */
    static Map<String, Object> signed(SigningKey key, String hash, Instant created, Authority authority) {
        Map<String, Object> signed = WaczSignature.sign(key, hash, created);
        if (authority != null) {
            try {
                signed.putAll(stamp((String) signed.get("signature"), created, authority));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return signed;
    }

    public static Map<String, Object> stamp(String signature, Instant created, Authority authority) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        BigInteger nonce = new BigInteger(64, new SecureRandom());
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, imprint(signature), nonce);
        byte[] reply = authority.reply(request.getEncoded());
        TimeStampToken token;
        try {
            TimeStampResponse response = new TimeStampResponse(reply);
            response.validate(request);
            token = response.getTimeStampToken();
            if (token == null) {
                throw new IOException("the time-stamping authority refused: " + response.getStatusString());
            }
            Optional<String> problem = check(token, signature, created, certificates(token));
            if (problem.isPresent()) throw new IOException("the timestamp received is not valid: " + problem.get());
        } catch (TSPException e) {
            throw new IOException("the time-stamping authority's reply is not valid: " + e.getMessage(), e);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("timeSignature", Base64.getEncoder().encodeToString(reply));
        fields.put("timestampCert", pem(certificates(token)));
        return fields;
    }

    /** Empty when {@code signedData} has no timestamp or a valid one; else what failed. */
    public static Optional<String> verify(Map<String, Object> signedData) {
        if (!(signedData.get("timeSignature") instanceof String timeSignature)) return Optional.empty();
        if (!(signedData.get("signature") instanceof String signature)) return Optional.of("a timestamp of no signature");
        try {
            TimeStampResponse response = new TimeStampResponse(Base64.getDecoder().decode(timeSignature));
            TimeStampToken token = response.getTimeStampToken();
            if (token == null) return Optional.of("timeSignature holds no timestamp: " + response.getStatusString());
            List<X509CertificateHolder> certs = signedData.get("timestampCert") instanceof String pem
                    ? parsePem(pem) : certificates(token);
            Instant created = signedData.get("created") instanceof String c ? Instant.parse(c) : null;
            return check(token, signature, created, certs);
        } catch (TSPException | IOException | RuntimeException e) {
            return Optional.of("timeSignature cannot be read: " + e.getMessage());
        }
    }

    /** When the authority stamped the signature, or empty when there is no readable timestamp. */
    public static Optional<Instant> time(Map<String, Object> signedData) {
        if (!(signedData.get("timeSignature") instanceof String timeSignature)) return Optional.empty();
        try {
            TimeStampToken token = new TimeStampResponse(Base64.getDecoder().decode(timeSignature)).getTimeStampToken();
            return token == null ? Optional.empty() : Optional.of(token.getTimeStampInfo().getGenTime().toInstant());
        } catch (TSPException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> check(TimeStampToken token, String signature, Instant created,
                                          List<X509CertificateHolder> certs) {
        if (!token.getTimeStampInfo().getMessageImprintAlgOID().equals(NISTObjectIdentifiers.id_sha256)
                || !Arrays.equals(token.getTimeStampInfo().getMessageImprintDigest(), imprint(signature))) {
            return Optional.of("the timestamp is of something else than the signature");
        }
        X509CertificateHolder signer = certs.stream().filter(c -> token.getSID().match(c)).findFirst().orElse(null);
        if (signer == null) return Optional.of("the certificate of the timestamp's signer is not given");
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException | OperatorCreationException | CertificateException e) {
            return Optional.of("the timestamp's own signature does not hold: " + e.getMessage());
        }
        Instant stamped = token.getTimeStampInfo().getGenTime().toInstant();
        if (created != null && Duration.between(created, stamped).abs().toMinutes() >= SLACK_MINUTES) {
            return Optional.of("created " + created + " is not within " + SLACK_MINUTES + " minutes of the stamped time "
                    + stamped);
        }
        return Optional.empty();
    }

    private static byte[] imprint(String signature) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(signature.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<X509CertificateHolder> certificates(TimeStampToken token) {
        return new ArrayList<>((Collection<X509CertificateHolder>) token.getCertificates().getMatches(null));
    }

    private static String pem(List<X509CertificateHolder> certs) throws IOException {
        StringBuilder out = new StringBuilder();
        for (X509CertificateHolder c : certs) {
            out.append("-----BEGIN CERTIFICATE-----\n")
                    .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return out.toString();
    }

    private static List<X509CertificateHolder> parsePem(String pem) throws IOException {
        List<X509CertificateHolder> out = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (java.security.cert.Certificate c : factory.generateCertificates(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                out.add(new X509CertificateHolder(((X509Certificate) c).getEncoded()));
            }
        } catch (CertificateException e) {
            throw new IOException("timestampCert is not a PEM certificate chain: " + e.getMessage(), e);
        }
        return out;
    }
}
