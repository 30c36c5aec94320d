package cn.hrss.seal.core.message;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageVerifierTest {
    private static final MessageFixtures.FixedKey SENDER =
            new MessageFixtures.FixedKey("a94e2cfc8340d397fc834e246d884761aea9267cbb82535ad39cf3288906064c");
    private static final MessageFixtures.FixedKey STRANGER =
            new MessageFixtures.FixedKey("3945208f7b2144b13f36e38ac6d39f95889393692860b51a42fb81ef4df7c5b8");
    private static final Instant NOW = MessageFixtures.NOW;
    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final MessageContext.Request REQUEST =
            new MessageContext.Request("POST", "/federation/messages/registration.apply/1");
    private static final byte[] BODY = "{\"name\":\"city node\"}".getBytes(StandardCharsets.UTF_8);

    private long nonces = 1;

    private SignedMessage signed(Instant at) {
        return SENDER.signer(at, nonces++).sign(REQUEST, MessageKind.REGISTRATION_APPLY, "m-1", BODY);
    }

    private static MessageVerifier verifier(TrustList trust) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new MessageVerifier(trust, new InMemoryReplayGuard(1000, clock),
                Set.of(MessageKind.REGISTRATION_APPLY, MessageKind.STATUS_CHANGE), SKEW, clock);
    }

    private static MessageVerifier verifier() {
        return verifier(TrustList.of(List.of(SENDER.trusted())));
    }

    private static Map<String, List<String>> headers(SignedMessage m) {
        Map<String, List<String>> h = new HashMap<>();
        m.httpHeaders().forEach((k, v) -> h.put(k, new ArrayList<>(List.of(v))));
        return h;
    }

    private static MessageVerification verify(MessageVerifier v, MessageContext ctx, Map<String, List<String>> h,
                                              byte[] body) {
        return v.verify(ctx, HeaderLookup.of(h), body);
    }

    private static void assertRejected(MessageVerification result, MessageProblem problem) {
        assertThat(result).isInstanceOfSatisfying(MessageVerification.Rejected.class,
                r -> assertThat(r.problem()).as(r.reason()).isEqualTo(problem));
    }

    @Test
    void acceptsAWellSignedMessageAndSaysWhoSentIt() {
        SignedMessage m = signed(NOW);
        MessageVerification result = verify(verifier(), REQUEST, headers(m), BODY);

        assertThat(result).isInstanceOfSatisfying(MessageVerification.Accepted.class, a -> {
            assertThat(a.message().signer().id()).isEqualTo(SignerId.of(SENDER.publicKey));
            assertThat(a.message().kind()).isEqualTo(MessageKind.REGISTRATION_APPLY);
            assertThat(a.message().messageId()).isEqualTo("m-1");
            assertThat(a.message().body()).isEqualTo(BODY);
        });
    }

    @Test
    void headerNamesAreCaseInsensitive() {
        Map<String, List<String>> lower = new HashMap<>();
        headers(signed(NOW)).forEach((k, v) -> lower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        assertThat(verify(verifier(), REQUEST, lower, BODY)).isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void aChangedBodyIsADigestMismatch() {
        byte[] tampered = BODY.clone();
        tampered[3] ^= 1;
        assertRejected(verify(verifier(), REQUEST, headers(signed(NOW)), tampered),
                MessageProblem.MESSAGE_DIGEST_MISMATCH);
    }

    @Test
    void aChangedBodyWithAMatchingDigestBreaksTheSignature() {
        byte[] tampered = "{\"name\":\"evil node\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> h = headers(signed(NOW));
        h.put(MessageHeaders.CONTENT_DIGEST, List.of("sm3=:" + java.util.Base64.getEncoder()
                .encodeToString(cn.hrss.seal.core.crypto.Sm3.hash(tampered)) + ":"));
        assertRejected(verify(verifier(), REQUEST, h, tampered), MessageProblem.MESSAGE_SIGNATURE_INVALID);
    }

    static Stream<Arguments> tamperedHeaders() {
        return Stream.of(
                Arguments.of(MessageHeaders.KIND, "status.change/1"),
                Arguments.of(MessageHeaders.MESSAGE_ID, "m-2"),
                Arguments.of(MessageHeaders.NONCE, "AAAAAAAAAAAAAAAAAAAAAA"),
                Arguments.of(MessageHeaders.TIMESTAMP, Long.toString(NOW.getEpochSecond() + 1)));
    }

    @ParameterizedTest
    @MethodSource("tamperedHeaders")
    void aChangedCoveredHeaderBreaksTheSignature(String header, String value) {
        Map<String, List<String>> h = headers(signed(NOW));
        h.put(header, List.of(value));
        assertRejected(verify(verifier(), REQUEST, h, BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
    }

    @Test
    void anotherMethodOrPathBreaksTheSignature() {
        Map<String, List<String>> h = headers(signed(NOW));
        MessageVerifier v = verifier();
        assertRejected(verify(v, new MessageContext.Request("POST", "/federation/messages/registration.apply/2"),
                h, BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
        assertRejected(verify(v, new MessageContext.Request("PUT", REQUEST.target()), h, BODY),
                MessageProblem.MESSAGE_SIGNATURE_INVALID);
        assertThat(verify(v, REQUEST, h, BODY)).isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void aResponseOnlyVerifiesForTheRequestItAnswers() {
        var answered = new MessageContext.Response(200, REQUEST, "AAAAAAAAAAAAAAAAAAAAAQ");
        SignedMessage response = SENDER.signer(NOW, 50).sign(answered, MessageKind.STATUS_CHANGE, "r-1", BODY);
        MessageVerifier v = verifier();

        assertRejected(verify(v, new MessageContext.Response(200, REQUEST, "AAAAAAAAAAAAAAAAAAAAAg"),
                headers(response), BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
        assertRejected(verify(v, new MessageContext.Response(500, REQUEST, "AAAAAAAAAAAAAAAAAAAAAQ"),
                headers(response), BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
        assertRejected(verify(v, REQUEST, headers(response), BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
        assertThat(verify(v, answered, headers(response), BODY)).isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void timestampsOutsideTheSkewWindowAreRejectedInsideAccepted() {
        MessageVerifier v = verifier();
        assertRejected(verify(v, REQUEST, headers(signed(NOW.minus(SKEW).minusSeconds(1))), BODY),
                MessageProblem.MESSAGE_CLOCK_SKEW);
        assertRejected(verify(v, REQUEST, headers(signed(NOW.plus(SKEW).plusSeconds(1))), BODY),
                MessageProblem.MESSAGE_CLOCK_SKEW);
        assertThat(verify(v, REQUEST, headers(signed(NOW.minus(SKEW))), BODY))
                .isInstanceOf(MessageVerification.Accepted.class);
        assertThat(verify(v, REQUEST, headers(signed(NOW.plus(SKEW))), BODY))
                .isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void theSameMessageIsAcceptedOnceAndRejectedAttemptsDoNotUseUpTheNonce() {
        MessageVerifier v = verifier();
        Map<String, List<String>> h = headers(signed(NOW));
        byte[] tampered = BODY.clone();
        tampered[0] ^= 1;

        assertRejected(verify(v, REQUEST, h, tampered), MessageProblem.MESSAGE_DIGEST_MISMATCH);
        assertThat(verify(v, REQUEST, h, BODY)).isInstanceOf(MessageVerification.Accepted.class);
        assertRejected(verify(v, REQUEST, h, BODY), MessageProblem.MESSAGE_REPLAYED);
        // the same nonce from another signer is another message
        SignedMessage other = STRANGER.signer(NOW, 1).sign(REQUEST, MessageKind.REGISTRATION_APPLY, "m-1", BODY);
        MessageVerifier both = verifier(TrustList.of(List.of(SENDER.trusted(), STRANGER.trusted())));
        assertThat(verify(both, REQUEST, headers(signed(NOW)), BODY)).isInstanceOf(MessageVerification.Accepted.class);
        assertThat(verify(both, REQUEST, headers(other), BODY)).isInstanceOf(MessageVerification.Accepted.class);
    }

    @Test
    void theSignerMustBeTrustedNotRevokedAndValid() {
        Map<String, List<String>> h = headers(signed(NOW));
        assertRejected(verify(verifier(TrustList.of(List.of(STRANGER.trusted()))), REQUEST, h, BODY),
                MessageProblem.MESSAGE_SIGNER_UNKNOWN);
        assertRejected(verify(verifier(TrustList.of(List.of(SENDER.trusted().withRevoked(true)))), REQUEST, h, BODY),
                MessageProblem.MESSAGE_SIGNER_REVOKED);
        assertRejected(verify(verifier(TrustList.of(List.of(SENDER.trusted(NOW.minus(Duration.ofDays(400)),
                NOW.minusSeconds(1), false)))), REQUEST, h, BODY), MessageProblem.MESSAGE_SIGNER_NOT_VALID);
    }

    @Test
    void aSignatureByAnotherKeyUnderTheSendersIdIsInvalid() {
        SignedMessage forged = STRANGER.signer(NOW, 7).sign(REQUEST, MessageKind.REGISTRATION_APPLY, "m-1", BODY);
        Map<String, List<String>> h = headers(signed(NOW));
        h.put(MessageHeaders.SIGNATURE, List.of(forged.httpHeaders().get(MessageHeaders.SIGNATURE)));
        assertRejected(verify(verifier(), REQUEST, h, BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
    }

    @Test
    void kindsTheEndpointDoesNotAcceptAreUnsupported() {
        SignedMessage known = SENDER.signer(NOW, 9).sign(REQUEST, MessageKind.SEAL_CODE_REQUEST, "m-9", BODY);
        assertRejected(verify(verifier(), REQUEST, headers(known), BODY), MessageProblem.MESSAGE_KIND_UNSUPPORTED);
        SignedMessage newer = SENDER.signer(NOW, 10).sign(REQUEST, new MessageKind("registration.apply", 2), "m-10",
                BODY);
        assertRejected(verify(verifier(), REQUEST, headers(newer), BODY), MessageProblem.MESSAGE_KIND_UNSUPPORTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Seal-Message-Kind", "Seal-Message-Id", "Seal-Signer", "Seal-Timestamp", "Seal-Nonce",
            "Content-Digest", "Seal-Signature"})
    void everyHeaderIsRequiredOnceAndBounded(String header) {
        MessageVerifier v = verifier();
        Map<String, List<String>> missing = headers(signed(NOW));
        missing.remove(header);
        assertRejected(verify(v, REQUEST, missing, BODY), MessageProblem.MESSAGE_MALFORMED);

        Map<String, List<String>> repeated = headers(signed(NOW));
        repeated.get(header).add(repeated.get(header).get(0));
        assertRejected(verify(v, REQUEST, repeated, BODY), MessageProblem.MESSAGE_MALFORMED);

        Map<String, List<String>> huge = headers(signed(NOW));
        huge.put(header, List.of("A".repeat(1_000_000)));
        assertRejected(verify(v, REQUEST, huge, BODY), MessageProblem.MESSAGE_MALFORMED);

        Map<String, List<String>> empty = headers(signed(NOW));
        empty.put(header, List.of(""));
        assertRejected(verify(v, REQUEST, empty, BODY), MessageProblem.MESSAGE_MALFORMED);
    }

    static Stream<Arguments> badValues() {
        String sigOf73Bytes = java.util.Base64.getEncoder().encodeToString(new byte[73]);
        return Stream.of(
                Arguments.of(MessageHeaders.SIGNATURE, "not base64!"),
                Arguments.of(MessageHeaders.SIGNATURE, "MEUCIDs3k3E"),
                Arguments.of(MessageHeaders.SIGNATURE, sigOf73Bytes),
                Arguments.of(MessageHeaders.CONTENT_DIGEST, "sm3=:AAAA:"),
                Arguments.of(MessageHeaders.CONTENT_DIGEST, "sha-256=:0RyrhVexOIg0Byax/WRWGyxJfScdlz5NEYn3ABcJeM8=:"),
                Arguments.of(MessageHeaders.CONTENT_DIGEST, "0RyrhVexOIg0Byax/WRWGyxJfScdlz5NEYn3ABcJeM8="),
                Arguments.of(MessageHeaders.SIGNER, "6E96E235A09F13C1FFEEBA1ECE8A48B539863D7440609BCDFD799B8AFA2F7629"),
                Arguments.of(MessageHeaders.SIGNER, "6e96e235"),
                Arguments.of(MessageHeaders.TIMESTAMP, "-1"),
                Arguments.of(MessageHeaders.TIMESTAMP, "01795467600"),
                Arguments.of(MessageHeaders.TIMESTAMP, "1795467600.5"),
                Arguments.of(MessageHeaders.TIMESTAMP, "9999999999999"),
                Arguments.of(MessageHeaders.NONCE, "short"),
                Arguments.of(MessageHeaders.NONCE, "AAAAAAAAAAAAAAAAAAAAAA=="),
                Arguments.of(MessageHeaders.KIND, "status.change"),
                Arguments.of(MessageHeaders.KIND, "Status.Change/1"),
                Arguments.of(MessageHeaders.KIND, "status.change/0"),
                Arguments.of(MessageHeaders.MESSAGE_ID, "has space"),
                Arguments.of(MessageHeaders.MESSAGE_ID, "x".repeat(65)));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void malformedValuesAreRejectedBeforeAnyCryptography(String header, String value) {
        Map<String, List<String>> h = headers(signed(NOW));
        h.put(header, List.of(value));
        assertRejected(verify(verifier(), REQUEST, h, BODY), MessageProblem.MESSAGE_MALFORMED);
    }

    @Test
    void aSignatureThatIsNotDerIsInvalid() {
        Map<String, List<String>> h = headers(signed(NOW));
        h.put(MessageHeaders.SIGNATURE, List.of(java.util.Base64.getEncoder().encodeToString(new byte[64])));
        assertRejected(verify(verifier(), REQUEST, h, BODY), MessageProblem.MESSAGE_SIGNATURE_INVALID);
    }

    @Test
    void signersRefuseUnusableInput() {
        MessageSigner signer = SENDER.signer(NOW, 1);
        assertThatThrownBy(() -> new MessageContext.Request("post", "/x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageContext.Request("POST", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageContext.Request("POST", "/a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.sign(REQUEST, MessageKind.STATUS_CHANGE, "bad id", BODY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageKind.parse("x/1".repeat(100))).isInstanceOf(IllegalArgumentException.class);
        assertThat(MessageKind.parse("seal.code-request/1")).isEqualTo(MessageKind.SEAL_CODE_REQUEST);
    }

    @Test
    void theInMemoryReplayGuardForgetsExpiredNoncesAndFailsClosedWhenFull() {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get();
            }
        };
        SignerId signer = SignerId.of(SENDER.publicKey);
        InMemoryReplayGuard guard = new InMemoryReplayGuard(2, moving);

        assertThat(guard.firstUse(signer, "nonce-aaaaaaaaaaaa", NOW.plusSeconds(10))).isTrue();
        assertThat(guard.firstUse(signer, "nonce-aaaaaaaaaaaa", NOW.plusSeconds(10))).isFalse();
        assertThat(guard.firstUse(signer, "nonce-bbbbbbbbbbbb", NOW.plusSeconds(20))).isTrue();
        assertThat(guard.firstUse(signer, "nonce-cccccccccccc", NOW.plusSeconds(20))).as("full").isFalse();

        clock.set(NOW.plusSeconds(11));
        assertThat(guard.firstUse(signer, "nonce-cccccccccccc", NOW.plusSeconds(30))).isTrue();
        assertThat(guard.size()).isEqualTo(2);
        assertThat(guard.firstUse(signer, "nonce-bbbbbbbbbbbb", NOW.plusSeconds(20))).isFalse();
    }
}
