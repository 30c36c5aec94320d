package cn.hrss.seal.application.online;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The status of a seal from a node's status system: {@code GET {statusBase}/api/v1/seal-status/{esId}[?at=ISO]}
 * (docs/STATUS.md). An answer counts only if its {@code Seal-Signature} (SM3withSM2, default user ID, over the exact
 * body) verifies with the pinned signer key, {@code Seal-Signer} names that key, and the body is about the esID and
 * time asked; anything else is INDETERMINATE {@code STATUS_UNAVAILABLE}, never a guess.
 *
 * <p>The signer key is the node's system key: pin it, or take it from the node certificate ({@code /ca/node.pem})
 * after checking that a trusted root issued it ({@link #trustingNodeCertificate}).
 */
public final class HttpSealStatusSource implements SealStatusSource {
    public static final String SIGNATURE_HEADER = "Seal-Signature";
    public static final String SIGNER_HEADER = "Seal-Signer";
    private static final int MAX_ANSWER_BYTES = 16 * 1024;
    private static final Pattern ES_ID = Pattern.compile("[0-9A-Za-z._-]{1,64}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI statusBase;
    private final Sm2PublicKey signer;
    private final String signerId;
    private final LimitedHttp http;

    /** @param statusBase the node's base URL, e.g. {@code https://node.example/} */
    public HttpSealStatusSource(URI statusBase, Sm2PublicKey signer, Duration timeout) {
        this.statusBase = Objects.requireNonNull(statusBase, "statusBase");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.signerId = HexFormat.of().formatHex(Sm3.hash(signer.uncompressed()));
        this.http = new LimitedHttp(timeout, MAX_ANSWER_BYTES);
    }

    /**
     * Trusts the key of a node certificate, which must be signed by one of {@code trustedRoots}.
     *
     * @throws IllegalArgumentException when it is not
     */
    public static HttpSealStatusSource trustingNodeCertificate(URI statusBase, X509CertificateHolder node,
                                                               Collection<X509CertificateHolder> trustedRoots,
                                                               Duration timeout) {
        boolean issued = trustedRoots.stream().anyMatch(root -> root.getSubject().equals(node.getIssuer())
                && signedBy(node, root));
        if (!issued || !node.isValidOn(new Date())) {
            throw new IllegalArgumentException("node certificate " + node.getSubject()
                    + " is not currently valid under a trusted root");
        }
        return new HttpSealStatusSource(statusBase,
                Sm2PublicKey.fromSubjectPublicKeyInfo(node.getSubjectPublicKeyInfo()), timeout);
    }

    private static boolean signedBy(X509CertificateHolder certificate, X509CertificateHolder issuer) {
        try {
            return certificate.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(issuer));
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public CheckResult status(String esId, SigningTime time) {
        if (esId == null || !ES_ID.matcher(esId).matches()) {
            return SealStatusPolicy.unavailable(String.valueOf(esId), "esID cannot be asked about");
        }
        try {
            if (!time.proven()) {
                // the signing time is not proven: the current status decides
                return SealStatusPolicy.judge(esId, time, ask(esId, Optional.empty()), Optional.empty());
            }
            SealStatusPolicy.Answer atSigning = ask(esId, Optional.of(time.at()));
            Optional<SealStatusPolicy.Answer> now = atSigning.state() == SealStatusPolicy.State.VALID
                    ? Optional.of(ask(esId, Optional.empty())) : Optional.empty();
            return SealStatusPolicy.judge(esId, time, atSigning, now);
        } catch (OnlineException e) {
            return SealStatusPolicy.unavailable(esId, "status system " + statusBase.getHost() + ": "
                    + e.getMessage());
        }
    }

    private SealStatusPolicy.Answer ask(String esId, Optional<Instant> at) throws OnlineException {
        String path = "api/v1/seal-status/" + esId
                + at.map(t -> "?at=" + URLEncoder.encode(t.toString(), StandardCharsets.US_ASCII)).orElse("");
        String base = statusBase.toString();
        LimitedHttp.Answer answer = http.get(URI.create(base.endsWith("/") ? base + path : base + "/" + path));
        if (answer.status() != 200) {
            throw new OnlineException("answered HTTP " + answer.status());
        }
        verifySignature(answer);
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new OnlineException("signed answer is not JSON");
        }
        if (body == null || !esId.equals(text(body, "esId"))) {
            throw new OnlineException("signed answer is about another seal");
        }
        if (at.isPresent() && !at.get().truncatedTo(ChronoUnit.MILLIS).equals(time(body, "at"))) {
            throw new OnlineException("signed answer is about another time than " + at.get());
        }
        SealStatusPolicy.State state;
        try {
            state = SealStatusPolicy.State.valueOf(text(body, "status"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new OnlineException("signed answer has no known status");
        }
        return new SealStatusPolicy.Answer(state, Optional.ofNullable(time(body, "since")),
                Optional.ofNullable(text(body, "reason")));
    }

    private void verifySignature(LimitedHttp.Answer answer) throws OnlineException {
        Optional<String> signature = answer.headers().firstValue(SIGNATURE_HEADER);
        Optional<String> signerHeader = answer.headers().firstValue(SIGNER_HEADER);
        if (signature.isEmpty() || signerHeader.isEmpty()) {
            throw new OnlineException("answer is not signed");
        }
        if (!signerId.equalsIgnoreCase(signerHeader.get().trim())) {
            throw new OnlineException("answer signed by " + signerHeader.get() + ", not by the trusted signer");
        }
        boolean valid;
        try {
            valid = Sm2.verify(signer, answer.body(), Base64.getDecoder().decode(signature.get().trim()));
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new OnlineException("the answer's signature does not verify");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }

    private static Instant time(JsonNode body, String field) throws OnlineException {
        String value = text(body, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new OnlineException("signed answer has an unreadable " + field);
        }
    }
}
