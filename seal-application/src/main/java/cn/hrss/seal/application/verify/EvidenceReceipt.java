package cn.hrss.seal.application.verify;

import cn.hrss.seal.core.error.SealException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * An evidence receipt as docs/EVIDENCE.md "Receipt" specifies ({@code hrss-seal-evidence-receipt/1}), parsed strictly:
 * every field of the right type and form, no duplicate keys, nothing trailing; otherwise
 * {@value #MALFORMED}. Immutable; byte arrays are copied on the way in and out.
 */
public final class EvidenceReceipt {
    public static final String FORMAT = "hrss-seal-evidence-receipt/1";
    public static final String MALFORMED = "EVIDENCE_RECEIPT_MALFORMED";
    public static final int MAX_BYTES = 256 * 1024;
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CHECKPOINT = Pattern.compile(
            "\\{\"format\":1,\"logId\":\"([0-9a-f]{64})\",\"treeSize\":(0|[1-9][0-9]{0,18}),"
                    + "\"rootHash\":\"([0-9a-f]{64})\",\"timestamp\":\"([0-9TZ:.\\-]{20,40})\"}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** A witness's cosignature of the same checkpoint body. */
    public record Cosignature(String witness, byte[] signature, List<X509CertificateHolder> certificates) {
        public Cosignature {
            signature = signature.clone();
            certificates = List.copyOf(certificates);
        }

        @Override
        public byte[] signature() {
            return signature.clone();
        }
    }

    /** Where the checkpoint was anchored, as the log reported it; a verifier asks the ledger itself. */
    public record Anchor(String ledger, String contractAddress, String transactionHash, long blockNumber,
                         Instant blockTime) {
    }

    private final String logId;
    private final long leafIndex;
    private final byte[] leaf;
    private final long treeSize;
    private final List<byte[]> inclusionProof;
    private final String checkpointBody;
    private final byte[] checkpointSignature;
    private final List<X509CertificateHolder> logCertificates;
    private final byte[] rootHash;
    private final Instant checkpointTime;
    private final List<Cosignature> cosignatures;
    private final Optional<Anchor> anchor;

    private EvidenceReceipt(JsonNode r) {
        if (!FORMAT.equals(text(r, "format"))) {
            throw malformed("format is not " + FORMAT);
        }
        logId = hex64(r, "logId");
        leafIndex = number(r, "leafIndex");
        treeSize = number(r, "treeSize");
        if (leafIndex >= treeSize) {
            throw malformed("leafIndex must be below treeSize");
        }
        leaf = base64(text(r, "leaf"), "leaf");
        if (leaf.length == 0 || leaf.length > 16 * 1024) {
            throw malformed("leaf must be 1..16384 bytes");
        }
        List<byte[]> proof = new ArrayList<>();
        for (JsonNode h : array(r, "inclusionProof")) {
            if (!h.isTextual() || !HEX64.matcher(h.asText()).matches()) {
                throw malformed("inclusionProof holds 64-hex-digit hashes");
            }
            proof.add(HexFormat.of().parseHex(h.asText()));
        }
        if (proof.size() > 64) {
            throw malformed("inclusionProof is too long");
        }
        inclusionProof = List.copyOf(proof);
        JsonNode checkpoint = object(r, "checkpoint");
        checkpointBody = text(checkpoint, "body");
        var m = CHECKPOINT.matcher(checkpointBody);
        if (!m.matches()) {
            throw malformed("checkpoint.body is not a checkpoint in the documented form");
        }
        if (!m.group(1).equals(logId) || Long.parseLong(m.group(2)) != treeSize) {
            throw malformed("checkpoint.body names another log or tree size than the receipt");
        }
        rootHash = HexFormat.of().parseHex(m.group(3));
        try {
            checkpointTime = Instant.parse(m.group(4));
        } catch (RuntimeException e) {
            throw malformed("checkpoint.body has no valid timestamp");
        }
        checkpointSignature = base64(text(checkpoint, "signature"), "checkpoint.signature");
        logCertificates = certificates(checkpoint, "checkpoint.certificates");
        List<Cosignature> cosigned = new ArrayList<>();
        for (JsonNode c : array(r, "cosignatures")) {
            if (!c.isObject()) {
                throw malformed("cosignatures holds objects");
            }
            cosigned.add(new Cosignature(hex64(c, "witness"), base64(text(c, "signature"), "cosignature"),
                    certificates(c, "cosignatures[].certificates")));
        }
        cosignatures = List.copyOf(cosigned);
        JsonNode a = r.get("anchor");
        if (a == null || a.isNull()) {
            anchor = Optional.empty();
        } else {
            if (!a.isObject()) {
                throw malformed("anchor is an object");
            }
            Instant blockTime;
            try {
                blockTime = Instant.parse(text(a, "blockTime"));
            } catch (RuntimeException e) {
                throw malformed("anchor.blockTime is not an ISO-8601 instant");
            }
            anchor = Optional.of(new Anchor(text(a, "ledger"), text(a, "contractAddress"), text(a, "transactionHash"),
                    number(a, "blockNumber"), blockTime));
        }
    }

    public static EvidenceReceipt parse(byte[] json) {
        if (json == null || json.length == 0 || json.length > MAX_BYTES) {
            throw malformed("a receipt is 1.." + MAX_BYTES + " bytes of JSON");
        }
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw malformed("a receipt is a JSON object");
            }
            return new EvidenceReceipt(root);
        } catch (IOException e) {
            throw malformed("not JSON" + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? ": " + j.getOriginalMessage() : ""));
        }
    }

    public String logId() {
        return logId;
    }

    public long leafIndex() {
        return leafIndex;
    }

    public byte[] leaf() {
        return leaf.clone();
    }

    public long treeSize() {
        return treeSize;
    }

    public List<byte[]> inclusionProof() {
        return inclusionProof.stream().map(byte[]::clone).toList();
    }

    public String checkpointBody() {
        return checkpointBody;
    }

    public byte[] checkpointSignature() {
        return checkpointSignature.clone();
    }

    public List<X509CertificateHolder> logCertificates() {
        return logCertificates;
    }

    public byte[] rootHash() {
        return rootHash.clone();
    }

    public Instant checkpointTime() {
        return checkpointTime;
    }

    public List<Cosignature> cosignatures() {
        return cosignatures;
    }

    public Optional<Anchor> anchor() {
        return anchor;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().length() > 64 * 1024) {
            throw malformed(field + " must be a string");
        }
        return v.asText();
    }

    private static long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw malformed(field + " must be a non-negative integer");
        }
        return v.asLong();
    }

    private static String hex64(JsonNode node, String field) {
        String v = text(node, field);
        if (!HEX64.matcher(v).matches()) {
            throw malformed(field + " must be 64 lower-case hex digits");
        }
        return v;
    }

    private static JsonNode array(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isArray()) {
            throw malformed(field + " must be an array");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw malformed(field + " must be an object");
        }
        return v;
    }

    private static byte[] base64(String value, String field) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw malformed(field + " is not base64");
        }
    }

    private static List<X509CertificateHolder> certificates(JsonNode node, String field) {
        List<X509CertificateHolder> out = new ArrayList<>();
        JsonNode array = node.get("certificates");
        if (array == null || !array.isArray() || array.isEmpty() || array.size() > 8) {
            throw malformed(field + " must hold 1..8 certificates");
        }
        for (JsonNode c : array) {
            if (!c.isTextual()) {
                throw malformed(field + " holds base64 DER certificates");
            }
            try {
                out.add(new X509CertificateHolder(base64(c.asText(), field)));
            } catch (IOException | RuntimeException e) {
                throw malformed(field + " holds a certificate that is not DER X.509");
            }
        }
        return out;
    }

    private static SealException malformed(String message) {
        return SealException.badRequest(MALFORMED, "evidence receipt: " + message);
    }
}
