package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Deterministic test material: fixed SM2 keys (generated once, pasted as hex), a deterministic k sequence, fixed
 * times and self-signed certificates, so that seals and signatures have known DER bytes.
 */
final class SesFixtures {
    static final Instant CREATED = Instant.parse("2026-01-05T02:00:00Z");
    static final Instant VALID_FROM = Instant.parse("2026-01-05T00:00:00Z");
    static final Instant VALID_TO = Instant.parse("2029-01-05T00:00:00Z");
    static final Instant SIGNED_AT = Instant.parse("2026-03-01T08:30:15Z");
    static final byte[] ORIGINAL = "<ofd:Signature>fixture document</ofd:Signature>".getBytes(StandardCharsets.UTF_8);
    static final String PROPERTY_INFO = "/Doc_0/Signs/Sign_0/Signature.xml";
    /** Not a real image; the seal only carries the bytes. */
    static final byte[] PICTURE = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806");

    static final FixedKey MAKER = new FixedKey("8a8194a3fa660514cf3d041f009d98a0f95698abb4d3a6e10dd13b5ca400f23d",
            "CN=HRSS Seal Maker,O=Test Ministry,C=CN", 1001);
    static final FixedKey SIGNER = new FixedKey("a94e2cfc8340d397fc834e246d884761aea9267cbb82535ad39cf3288906064c",
            "CN=Test Unit Seal,O=Test Bureau,C=CN", 2002);

    private SesFixtures() {
    }

    static SealInfo.Builder sealInfo() {
        return SealInfo.builder()
                .vendorId("HRSS")
                .esId("11010000000000012026000000000001")
                .sealType(1)
                .name("测试单位公章")
                .signerCertificate(SIGNER.certificate())
                .createDate(CREATED)
                .validity(VALID_FROM, VALID_TO)
                .picture("PNG", PICTURE, 40, 40);
    }

    static SESeal seal() {
        return SealMaker.make(sealInfo().build(), MAKER.certificate(), MAKER.signer());
    }

    static SesSignature signature(SESeal seal) {
        TbsSign tbs = SignatureMaker.toBeSigned(seal, Sm3.hash(ORIGINAL), PROPERTY_INFO, SIGNED_AT, null);
        return SignatureMaker.sign(tbs, SIGNER.certificate(), SIGNER.signer(), null);
    }

    /** An SM2 key from a hex constant with a deterministic k sequence and a self-signed certificate. */
    static final class FixedKey {
        private final BigInteger d;
        private final BigInteger dPlus1Inv;
        private final Sm2PublicKey publicKey;
        private final String label;
        private final byte[] certificate;

        FixedKey(String dHex, String subject, long serial) {
            this.d = new BigInteger(dHex, 16);
            this.dPlus1Inv = Sm2.dPlus1Inverse(d);
            this.publicKey = Sm2PublicKey.fromPoint(Sm2.publicPoint(d));
            this.label = subject;
            this.certificate = selfSigned(subject, serial);
        }

        Sm2PublicKey publicKey() {
            return publicKey;
        }

        byte[] certificate() {
            return certificate.clone();
        }

        /**
         * SM3withSM2 with k derived from SM3(label || message): the same message always gives the same signature,
         * different messages different k.
         */
        SesSigner signer() {
            return message -> {
                byte[] e = Sm2.digest(publicKey, message);
                byte[] seed = Sm3.hash(label.getBytes(StandardCharsets.UTF_8), message);
                Sm2.KSource k = () -> new BigInteger(1, seed).mod(Sm2.N.subtract(BigInteger.ONE)).add(BigInteger.ONE);
                BigInteger[] rs = Sm2.signDigest(d, dPlus1Inv, e, k);
                return Sm2.encodeSignature(rs[0], rs[1]);
            };
        }

        private byte[] selfSigned(String subject, long serial) {
            X500Name name = new X500Name(subject);
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, BigInteger.valueOf(serial),
                    Date.from(Instant.parse("2025-12-01T00:00:00Z")), Date.from(Instant.parse("2035-12-01T00:00:00Z")),
                    name, publicKey.toSubjectPublicKeyInfo());
            try {
                builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                return builder.build(contentSigner()).getEncoded();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private ContentSigner contentSigner() {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            SesSigner signer = signer();
            return new ContentSigner() {
                @Override
                public AlgorithmIdentifier getAlgorithmIdentifier() {
                    return Sm2.SM3_WITH_SM2;
                }

                @Override
                public OutputStream getOutputStream() {
                    return buffer;
                }

                @Override
                public byte[] getSignature() {
                    return signer.sign(buffer.toByteArray());
                }
            };
        }
    }
}
