package cn.hrss.seal.cli;

import cn.hrss.seal.application.verify.Check;
import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/**
 * {@link SealStatusCheck} over a node's public status API (docs/STATUS.md): {@code GET
 * /api/v1/seal-status/{esId}?at=T}, whose body is signed (header {@code Seal-Signature}, SM3withSM2 over the exact
 * bytes) by the node key named in {@code Seal-Signer}. The key is taken from the node certificate
 * ({@code GET /ca/node.pem}) only if that certificate chains to one of the trusted roots and its key id matches, so
 * the answer is believed only when a trusted CA vouches for its signer. Any doubt is INDETERMINATE, never PASSED.
 */
final class HttpSealStatusCheck implements SealStatusCheck {
    static final String UNAVAILABLE = "SEAL_STATUS_UNAVAILABLE";
    static final String SIGNATURE_INVALID = "SEAL_STATUS_SIGNATURE_INVALID";
    static final String SIGNER_UNTRUSTED = "SEAL_STATUS_SIGNER_UNTRUSTED";
    private static final int MAX_BODY = 64 * 1024;

    private final URI node;
    private final List<X509CertificateHolder> trustedRoots;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    HttpSealStatusCheck(URI node, List<X509CertificateHolder> trustedRoots) {
        String base = node.toString();
        this.node = URI.create(base.endsWith("/") ? base : base + "/");
        this.trustedRoots = List.copyOf(trustedRoots);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public CheckResult statusAt(String esId, Instant at) {
        String prefix = "seal " + esId + " status at " + at + ": ";
        HttpResponse<byte[]> answer;
        Sm2PublicKey signerKey;
        try {
            answer = get("api/v1/seal-status/" + URLEncoder.encode(esId, StandardCharsets.UTF_8) + "?at="
                    + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8));
            if (answer.statusCode() != 200) {
                return CheckResult.indeterminate(Check.SEAL, UNAVAILABLE, prefix + "status system answered HTTP "
                        + answer.statusCode());
            }
            signerKey = trustedSigner(answer.headers().firstValue("Seal-Signer").orElse(""));
        } catch (IOException e) {
            return CheckResult.indeterminate(Check.SEAL, UNAVAILABLE, prefix + "status system unreachable: "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.indeterminate(Check.SEAL, UNAVAILABLE, prefix + "interrupted");
        } catch (UntrustedSigner e) {
            return CheckResult.indeterminate(Check.SEAL, SIGNER_UNTRUSTED, prefix + e.getMessage());
        }
        byte[] body = answer.body();
        try {
            byte[] signature = Base64.getDecoder().decode(answer.headers().firstValue("Seal-Signature").orElse(""));
            if (!Sm2.verify(signerKey, body, signature)) {
                return CheckResult.indeterminate(Check.SEAL, SIGNATURE_INVALID, prefix + "answer signature invalid");
            }
            JsonNode status = json.readTree(body);
            if (!esId.equals(status.path("esId").asText()) || !at.equals(Instant.parse(status.path("at").asText()))) {
                return CheckResult.indeterminate(Check.SEAL, SIGNATURE_INVALID,
                        prefix + "the signed answer is about another seal or time");
            }
            String state = status.path("status").asText();
            if ("VALID".equals(state)) {
                return CheckResult.passed(Check.SEAL, prefix + "VALID (signed answer, checked "
                        + status.path("checkedAt").asText() + ")");
            }
            String reason = status.hasNonNull("reason") ? " (" + status.get("reason").asText() + ")" : "";
            return CheckResult.failed(Check.SEAL, "SEAL_STATUS_" + state, prefix + state + reason);
        } catch (IOException | RuntimeException e) {
            return CheckResult.indeterminate(Check.SEAL, SIGNATURE_INVALID, prefix + "answer unreadable: "
                    + e.getMessage());
        }
    }

    private Sm2PublicKey trustedSigner(String signerId) throws IOException, InterruptedException {
        HttpResponse<byte[]> pem = get("ca/node.pem");
        if (pem.statusCode() != 200) {
            throw new UntrustedSigner("node certificate unavailable (HTTP " + pem.statusCode() + ")");
        }
        X509CertificateHolder certificate;
        try (PEMParser parser = new PEMParser(new StringReader(new String(pem.body(), StandardCharsets.US_ASCII)))) {
            if (!(parser.readObject() instanceof X509CertificateHolder c)) {
                throw new UntrustedSigner("node.pem holds no certificate");
            }
            certificate = c;
        }
        if (!certificate.isValidOn(new Date()) || !issuedByTrustedRoot(certificate)) {
            throw new UntrustedSigner("node certificate " + certificate.getSubject()
                    + " is not valid under a trusted root (--trust)");
        }
        Sm2PublicKey key = Sm2PublicKey.fromSubjectPublicKeyInfo(certificate.getSubjectPublicKeyInfo());
        if (!HexFormat.of().formatHex(Sm3.hash(key.uncompressed())).equalsIgnoreCase(signerId)) {
            throw new UntrustedSigner("answer signed by " + signerId + ", not by the node certificate's key");
        }
        return key;
    }

    private boolean issuedByTrustedRoot(X509CertificateHolder certificate) {
        for (X509CertificateHolder root : trustedRoots) {
            try {
                if (root.getSubject().equals(certificate.getIssuer()) && certificate.isSignatureValid(
                        new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(root))) {
                    return true;
                }
            } catch (Exception e) {
                // not this root
            }
        }
        return false;
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(node.resolve(path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.body().length > MAX_BODY) {
            throw new IOException("answer larger than " + MAX_BODY + " bytes");
        }
        return response;
    }

    private static final class UntrustedSigner extends RuntimeException {
        UntrustedSigner(String message) {
            super(message);
        }
    }
}
