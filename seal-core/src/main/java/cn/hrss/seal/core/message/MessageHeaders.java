package cn.hrss.seal.core.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The signed-message headers. Values are validated strictly on construction and on parsing, so that anything that
 * reaches signature verification is well-formed and bounded.
 *
 * @param signature DER SM2Signature (at most 72 bytes)
 */
public record MessageHeaders(MessageKind kind, String messageId, SignerId signer, Instant timestamp, String nonce,
                             byte[] contentDigest, byte[] signature) {
    public static final String KIND = "Seal-Message-Kind";
    public static final String MESSAGE_ID = "Seal-Message-Id";
    public static final String SIGNER = "Seal-Signer";
    public static final String TIMESTAMP = "Seal-Timestamp";
    public static final String NONCE = "Seal-Nonce";
    public static final String CONTENT_DIGEST = "Content-Digest";
    public static final String SIGNATURE = "Seal-Signature";
    /** All headers of a signed message, in signature-base order (the signature itself last, not covered). */
    public static final List<String> NAMES = List.of(KIND, MESSAGE_ID, SIGNER, TIMESTAMP, NONCE, CONTENT_DIGEST,
            SIGNATURE);

    /** Longest header value accepted before any parsing: bounds the work for hostile input. */
    static final int MAX_VALUE_LENGTH = 128;
    /** An SM2Signature is SEQUENCE of two INTEGERs of at most 33 bytes each: 72 bytes of DER. */
    static final int MAX_SIGNATURE_BYTES = 72;
    private static final Pattern MESSAGE_ID_TEXT = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern NONCE_TEXT = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final Pattern TIMESTAMP_TEXT = Pattern.compile("0|[1-9][0-9]{0,11}");
    private static final Pattern DIGEST_TEXT = Pattern.compile("sm3=:([A-Za-z0-9+/]{43}=):");
    private static final Pattern BASE64_TEXT = Pattern.compile("([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    public MessageHeaders {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(timestamp, "timestamp");
        checkMessageId(messageId);
        checkNonce(nonce);
        if (timestamp.getNano() != 0 || timestamp.getEpochSecond() < 0) {
            throw new IllegalArgumentException("timestamp must be whole non-negative epoch seconds");
        }
        if (contentDigest == null || contentDigest.length != 32) {
            throw new IllegalArgumentException("content digest must be a 32-byte SM3 value");
        }
        contentDigest = contentDigest.clone();
        if (signature != null) {
            if (signature.length == 0 || signature.length > MAX_SIGNATURE_BYTES) {
                throw new IllegalArgumentException("signature must be 1.." + MAX_SIGNATURE_BYTES + " bytes");
            }
            signature = signature.clone();
        }
    }

    static void checkMessageId(String messageId) {
        if (messageId == null || !MESSAGE_ID_TEXT.matcher(messageId).matches()) {
            throw new IllegalArgumentException("message id must be 1-64 characters of [A-Za-z0-9._:-]");
        }
    }

    /** Whether {@code nonce} is in the nonce syntax (e.g. to bind an error response to a bad request). */
    public static boolean isWellFormedNonce(String nonce) {
        return nonce != null && NONCE_TEXT.matcher(nonce).matches();
    }

    static void checkNonce(String nonce) {
        if (!isWellFormedNonce(nonce)) {
            throw new IllegalArgumentException("nonce must be 16-64 base64url characters");
        }
    }

    @Override
    public byte[] contentDigest() {
        return contentDigest.clone();
    }

    @Override
    public byte[] signature() {
        return signature == null ? null : signature.clone();
    }

    MessageHeaders withSignature(byte[] derSignature) {
        return new MessageHeaders(kind, messageId, signer, timestamp, nonce, contentDigest, derSignature);
    }

    /** {@code sm3=:base64:} as in RFC 9530's Content-Digest. */
    public String contentDigestValue() {
        return "sm3=:" + Base64.getEncoder().encodeToString(contentDigest) + ":";
    }

    /** The header values to send, in {@link #NAMES} order; the signature header only when signed. */
    public Map<String, String> toHttpHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(KIND, kind.toString());
        h.put(MESSAGE_ID, messageId);
        h.put(SIGNER, signer.hex());
        h.put(TIMESTAMP, Long.toString(timestamp.getEpochSecond()));
        h.put(NONCE, nonce);
        h.put(CONTENT_DIGEST, contentDigestValue());
        if (signature != null) {
            h.put(SIGNATURE, Base64.getEncoder().encodeToString(signature));
        }
        return h;
    }

    /**
     * Parses received headers. Every header must occur exactly once, be at most {@value #MAX_VALUE_LENGTH}
     * characters and match its syntax; otherwise {@link MalformedMessageException} says which and why.
     */
    public static MessageHeaders parse(HeaderLookup headers) {
        String kind = single(headers, KIND);
        String messageId = single(headers, MESSAGE_ID);
        String signer = single(headers, SIGNER);
        String timestamp = single(headers, TIMESTAMP);
        String nonce = single(headers, NONCE);
        String digest = single(headers, CONTENT_DIGEST);
        String signature = single(headers, SIGNATURE);
        try {
            MessageKind parsedKind = MessageKind.parse(kind);
            SignerId signerId = new SignerId(signer);
            if (!TIMESTAMP_TEXT.matcher(timestamp).matches()) {
                throw new MalformedMessageException(TIMESTAMP + " must be decimal epoch seconds");
            }
            var d = DIGEST_TEXT.matcher(digest);
            if (!d.matches()) {
                throw new MalformedMessageException(CONTENT_DIGEST + " must be sm3=:<base64 of 32 bytes>:");
            }
            if (!BASE64_TEXT.matcher(signature).matches()) {
                throw new MalformedMessageException(SIGNATURE + " must be padded base64");
            }
            byte[] sig = Base64.getDecoder().decode(signature);
            return new MessageHeaders(parsedKind, messageId, signerId, Instant.ofEpochSecond(Long.parseLong(timestamp)),
                    nonce, Base64.getDecoder().decode(d.group(1)), sig);
        } catch (MalformedMessageException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException(e.getMessage());
        }
    }

    private static String single(HeaderLookup headers, String name) {
        List<String> values = headers.values(name);
        if (values == null || values.isEmpty()) {
            throw new MalformedMessageException("missing header " + name);
        }
        if (values.size() > 1) {
            throw new MalformedMessageException("header " + name + " occurs more than once");
        }
        String value = values.get(0);
        if (value == null || value.length() > MAX_VALUE_LENGTH) {
            throw new MalformedMessageException("header " + name + " is longer than " + MAX_VALUE_LENGTH);
        }
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageHeaders h && kind.equals(h.kind) && messageId.equals(h.messageId)
                && signer.equals(h.signer) && timestamp.equals(h.timestamp) && nonce.equals(h.nonce)
                && Arrays.equals(contentDigest, h.contentDigest)
                && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, messageId, signer, timestamp, nonce, Arrays.hashCode(contentDigest));
    }

    @Override
    public String toString() {
        return "MessageHeaders" + toHttpHeaders();
    }
}
