package cn.hrss.seal.core.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Fixed key, time and nonce: the signature base and the headers are pinned byte for byte. */
class MessageSignerKnownAnswerTest {
    private static final MessageFixtures.FixedKey KEY =
            new MessageFixtures.FixedKey("8a8194a3fa660514cf3d041f009d98a0f95698abb4d3a6e10dd13b5ca400f23d");
    private static final byte[] BODY = "{\"esId\":\"11010000000000012026000000000001\",\"status\":\"REVOKED\"}"
            .getBytes(StandardCharsets.UTF_8);
    private static final MessageContext.Request REQUEST =
            new MessageContext.Request("POST", "/federation/messages/status.change/1");
    private static final String MESSAGE_ID = "7f0c2a9e-4b1d-4c55-9a2e-0d6b3c1e8f10";

    @Test
    void requestSignatureBaseAndHeadersAreExactlyAsSpecified() {
        SignedMessage signed = KEY.signer(MessageFixtures.NOW, 1).sign(REQUEST, MessageKind.STATUS_CHANGE,
                MESSAGE_ID, BODY);

        String signer = SignerId.of(KEY.publicKey).hex();
        assertThat(signer).isEqualTo(EXPECTED_SIGNER);
        assertThat(new String(SignatureBase.of(REQUEST, signed.headers()), StandardCharsets.US_ASCII)).isEqualTo(
                "\"@method\": POST\n"
                + "\"@target\": /federation/messages/status.change/1\n"
                + "\"seal-message-kind\": status.change/1\n"
                + "\"seal-message-id\": 7f0c2a9e-4b1d-4c55-9a2e-0d6b3c1e8f10\n"
                + "\"seal-signer\": " + EXPECTED_SIGNER + "\n"
                + "\"seal-timestamp\": 1795467600\n"
                + "\"seal-nonce\": AAAAAAAAAAAAAAAAAAAAAQ\n"
                + "\"content-digest\": sm3=:" + EXPECTED_DIGEST + ":\n"
                + "\"@signature-params\": (\"@method\" \"@target\" \"seal-message-kind\" \"seal-message-id\""
                + " \"seal-signer\" \"seal-timestamp\" \"seal-nonce\" \"content-digest\");alg=\"sm2-sm3\";v=1");
        assertThat(signed.httpHeaders()).containsExactly(
                Map.entry("Seal-Message-Kind", "status.change/1"),
                Map.entry("Seal-Message-Id", MESSAGE_ID),
                Map.entry("Seal-Signer", EXPECTED_SIGNER),
                Map.entry("Seal-Timestamp", "1795467600"),
                Map.entry("Seal-Nonce", "AAAAAAAAAAAAAAAAAAAAAQ"),
                Map.entry("Content-Digest", "sm3=:" + EXPECTED_DIGEST + ":"),
                Map.entry("Seal-Signature", EXPECTED_REQUEST_SIGNATURE));
        assertThat(verifier().verify(REQUEST, lookup(signed), BODY))
                .isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void responseSignatureBaseBindsStatusAndTheRequest() {
        var response = new MessageContext.Response(202, REQUEST, "AAAAAAAAAAAAAAAAAAAAAQ");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        SignedMessage signed = KEY.signer(MessageFixtures.NOW, 2).sign(response, MessageKind.RECEIPT, "r-1", body);

        assertThat(new String(SignatureBase.of(response, signed.headers()), StandardCharsets.US_ASCII)).isEqualTo(
                "\"@status\": 202\n"
                + "\"@method\";req: POST\n"
                + "\"@target\";req: /federation/messages/status.change/1\n"
                + "\"seal-nonce\";req: AAAAAAAAAAAAAAAAAAAAAQ\n"
                + "\"seal-message-kind\": message.receipt/1\n"
                + "\"seal-message-id\": r-1\n"
                + "\"seal-signer\": " + EXPECTED_SIGNER + "\n"
                + "\"seal-timestamp\": 1795467600\n"
                + "\"seal-nonce\": AAAAAAAAAAAAAAAAAAAAAg\n"
                + "\"content-digest\": sm3=:" + EXPECTED_EMPTY_OBJECT_DIGEST + ":\n"
                + "\"@signature-params\": (\"@status\" \"@method\";req \"@target\";req \"seal-nonce\";req"
                + " \"seal-message-kind\" \"seal-message-id\" \"seal-signer\" \"seal-timestamp\" \"seal-nonce\""
                + " \"content-digest\");alg=\"sm2-sm3\";v=1");
        assertThat(signed.httpHeaders().get("Seal-Signature")).isEqualTo(EXPECTED_RESPONSE_SIGNATURE);
        assertThat(verifier().verify(response, lookup(signed), body)).isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void sm3OfTheBodyMatchesTheStandardTestVector() {
        // GB/T 32905 example 1: SM3("abc")
        assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(
                new MessageHeaders(MessageKind.RECEIPT, "x", SignerId.of(KEY.publicKey), MessageFixtures.NOW,
                        "AAAAAAAAAAAAAAAAAAAAAQ", cn.hrss.seal.core.crypto.Sm3.hash("abc".getBytes(
                                StandardCharsets.US_ASCII)), null).contentDigestValue().substring(5, 49))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    static MessageVerifier verifier() {
        return new MessageVerifier(TrustList.of(List.of(KEY.trusted())), new InMemoryReplayGuard(100,
                Clock.fixed(MessageFixtures.NOW, ZoneOffset.UTC)), MessageKind.KNOWN, Duration.ofMinutes(5),
                Clock.fixed(MessageFixtures.NOW, ZoneOffset.UTC));
    }

    static HeaderLookup lookup(SignedMessage m) {
        return HeaderLookup.of(m.httpHeaders().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue()))));
    }

    /** SM3 of 04||x||y of the fixed key; digests cross-checked with openssl dgst -sm3; signatures use the fixed k. */
    private static final String EXPECTED_SIGNER = "6e96e235a09f13c1ffeeba1ece8a48b539863d7440609bcdfd799b8afa2f7629";
    private static final String EXPECTED_DIGEST = "0RyrhVexOIg0Byax/WRWGyxJfScdlz5NEYn3ABcJeM8=";
    private static final String EXPECTED_EMPTY_OBJECT_DIGEST = "8agjqqqv5A4RPH8E3XLCifr4YlLEqbV88dPJ4SVH+a0=";
    private static final String EXPECTED_REQUEST_SIGNATURE =
            "MEUCIDs3k3E+wX1NH0PgijW5FVC/eh6VELnzCjhyXRtiOjQ4AiEAziSazQSJtc4f5BfeIfQe/4jWTAXM6jwKxRjPok9zNRY=";
    private static final String EXPECTED_RESPONSE_SIGNATURE =
            "MEUCIEcpfjo/0jXjrWRZV6rudc4ItRH61yc8UnTvyfxXCs1DAiEAppYUCdqq8Zw7iVBgCQIUZ/K4NbXpj+lAyWzKIkTcRKs=";
}
