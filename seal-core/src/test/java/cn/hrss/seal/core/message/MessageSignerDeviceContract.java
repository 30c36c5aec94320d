package cn.hrss.seal.core.message;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import org.bouncycastle.cert.X509CertificateHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Message signing with the system key inside a real device; subclasses supply the device. */
public abstract class MessageSignerDeviceContract {
    private static final byte[] BODY = "{\"report\":1}".getBytes(StandardCharsets.UTF_8);
    private static final MessageContext.Request REQUEST =
            new MessageContext.Request("POST", "/federation/messages/access-test.report/1");
    private static final Clock CLOCK = Clock.fixed(MessageFixtures.NOW, ZoneOffset.UTC);

    private CipherDevice device;

    protected abstract CipherDevice openDevice();

    @BeforeEach
    void open() {
        device = openDevice();
    }

    @AfterEach
    void close() {
        device.close();
    }

    @Test
    void signsWithTheDeviceKeyAndTheReceiverAcceptsOnce() {
        KeyRef key = device.generateKeyPair("system-" + System.nanoTime());
        X509CertificateHolder cert = MessageFixtures.certificate(device, key, "CN=City Node,O=Test,C=CN");
        MessageSigner signer = MessageSigner.of(device, key, cert, CLOCK);
        MessageVerifier verifier = new MessageVerifier(TrustList.of(List.of(TrustedSigner.of(cert, false))),
                new InMemoryReplayGuard(10, CLOCK), MessageKind.KNOWN, Duration.ofMinutes(5), CLOCK);

        SignedMessage first = signer.sign(REQUEST, MessageKind.ACCESS_TEST_REPORT, "a-1", BODY);
        SignedMessage second = signer.sign(REQUEST, MessageKind.ACCESS_TEST_REPORT, "a-1", BODY);

        assertThat(signer.signerId()).isEqualTo(TrustedSigner.of(cert, false).id());
        assertThat(first.headers().nonce()).hasSize(22).isNotEqualTo(second.headers().nonce());
        assertThat(verifier.verify(REQUEST, MessageSignerKnownAnswerTest.lookup(first), BODY))
                .isInstanceOf(MessageVerification.Accepted.class);
        assertThat(verifier.verify(REQUEST, MessageSignerKnownAnswerTest.lookup(second), BODY))
                .isInstanceOf(MessageVerification.Accepted.class);
        assertThat(verifier.verify(REQUEST, MessageSignerKnownAnswerTest.lookup(first), BODY))
                .isInstanceOfSatisfying(MessageVerification.Rejected.class,
                        r -> assertThat(r.problem()).isEqualTo(MessageProblem.MESSAGE_REPLAYED));
    }

    @Test
    void refusesACertificateOfAnotherKey() {
        KeyRef key = device.generateKeyPair("system-" + System.nanoTime());
        KeyRef other = device.generateKeyPair("other-" + System.nanoTime());
        X509CertificateHolder otherCert = MessageFixtures.certificate(device, other, "CN=Other,O=Test,C=CN");
        assertThatThrownBy(() -> MessageSigner.of(device, key, otherCert, CLOCK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not for device key");
    }
}
