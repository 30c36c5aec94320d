package cn.hrss.seal.core.message;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

/** Test material for signed messages: fixed keys with deterministic k, and device-made system certificates. */
public final class MessageFixtures {
    public static final Instant NOW = Instant.parse("2026-11-23T21:00:00Z");
    private static final Instant CERT_FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant CERT_TO = Instant.parse("2029-01-01T00:00:00Z");

    private MessageFixtures() {
    }

    /** A system certificate for a device key, self-signed by that key. */
    public static X509CertificateHolder certificate(CipherDevice device, KeyRef key, String subject) {
        Sm2PublicKey pub = device.exportSignPublicKey(key);
        X500Name name = new X500Name(subject);
        return new X509v3CertificateBuilder(name, BigInteger.valueOf(System.nanoTime()), Date.from(CERT_FROM),
                Date.from(CERT_TO), name, pub.toSubjectPublicKeyInfo())
                .build(DeviceContentSigner.create(device, key));
    }

    /** An SM2 key from a constant, signing with k derived from the digest (same input, same signature). */
    static final class FixedKey {
        final BigInteger d;
        final Sm2PublicKey publicKey;

        FixedKey(String dHex) {
            this.d = new BigInteger(dHex, 16);
            this.publicKey = Sm2PublicKey.fromPoint(Sm2.publicPoint(d));
        }

        byte[] signDigest(byte[] e) {
            BigInteger k = new BigInteger(1, Sm3.hash(d.toByteArray(), e)).mod(Sm2.N.subtract(BigInteger.ONE))
                    .add(BigInteger.ONE);
            BigInteger[] rs = Sm2.signDigest(d, Sm2.dPlus1Inverse(d), e, () -> k);
            return Sm2.encodeSignature(rs[0], rs[1]);
        }

        /** A signer at {@code time} whose nonces are 16 bytes counting up from {@code firstNonce}. */
        MessageSigner signer(Instant time, long firstNonce) {
            AtomicLong counter = new AtomicLong(firstNonce);
            return new MessageSigner(this::signDigest, publicKey, Clock.fixed(time, ZoneOffset.UTC),
                    () -> java.nio.ByteBuffer.allocate(16).putLong(8, counter.getAndIncrement()).array());
        }

        TrustedSigner trusted(Instant from, Instant to, boolean revoked) {
            return new TrustedSigner(SignerId.of(publicKey), publicKey, from, to, revoked, "fixed");
        }

        TrustedSigner trusted() {
            return trusted(CERT_FROM, CERT_TO, false);
        }
    }
}
