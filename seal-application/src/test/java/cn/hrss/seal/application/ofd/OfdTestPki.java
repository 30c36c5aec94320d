package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.ses.SealMaker;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SealInfo;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test PKI on a soft cipher device in a temporary directory: a root CA, a seal maker and seal signers issued by it,
 * a TSA, and seals made with seal-core's SealMaker. Public so that interop-ofdrw can reuse it (test-jar).
 */
public final class OfdTestPki implements AutoCloseable {
    public static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant NOT_AFTER = Instant.parse("2030-01-01T00:00:00Z");
    public static final Instant SIGNED_AT = Instant.parse("2026-06-01T08:30:00Z");
    /** Not a real image: the seal only carries the bytes. */
    private static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10};

    private final SoftCipherDevice device;
    private final AtomicLong serials = new AtomicLong(100);
    private final KeyRef rootKey;
    private final byte[] root;
    private final KeyRef makerKey;
    private final byte[] maker;

    public OfdTestPki(Path dir) {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        this.device = new SoftCipherDevice(dir.resolve("keys.bin"), master, "test-password".toCharArray());
        this.rootKey = device.generateKeyPair("root");
        this.root = certificate("CN=Test Root CA,O=HRSS,C=CN", rootKey, null, null, true, null);
        this.makerKey = device.generateKeyPair("maker");
        this.maker = issue("CN=Seal Maker,O=HRSS,C=CN", makerKey);
    }

    public X509CertificateHolder root() {
        return holder(root);
    }

    /** A new signer key and certificate issued by the root, and a seal listing that certificate. */
    public SealSigningKey sealKey(String sealName, int widthMm, int heightMm) {
        return sealKey(sealName, "PNG", PICTURE, widthMm, heightMm);
    }

    /** As {@link #sealKey(String, int, int)} with a given picture (e.g. from seal-core's SealPictureRenderer). */
    public SealSigningKey sealKey(String sealName, String pictureType, byte[] picture, int widthMm,
                                  int heightMm) {
        KeyRef key = device.generateKeyPair(sealName);
        byte[] cert = issue("CN=" + sealName + ",O=Test Unit,C=CN", key);
        SealInfo info = SealInfo.builder().vendorId("HRSS").esId("1101000000000001" + serials.incrementAndGet())
                .sealType(1).name(sealName).signerCertificate(cert).createDate(NOT_BEFORE)
                .validity(NOT_BEFORE, NOT_AFTER).picture(pictureType, picture, widthMm, heightMm).build();
        SESeal seal = SealMaker.make(info, maker, SesSigner.of(device, makerKey));
        return new SealSigningKey(device, key, List.of(holder(cert), holder(root)), seal.encoded());
    }

    /** A TSA issued by the root that stamps any imprint at {@code time}. */
    public TimeStampSource timeStamps(Instant time) {
        KeyRef key = device.generateKeyPair("tsa");
        byte[] cert = certificate("CN=Test TSA,O=HRSS,C=CN", key, "CN=Test Root CA,O=HRSS,C=CN", rootKey, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        return imprint -> {
            try {
                var holder = new X509CertificateHolder(cert);
                DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder()
                        .setProvider(BouncyCastle.PROVIDER).build()
                        .get(new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256));
                SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder()
                        .setProvider(BouncyCastle.PROVIDER).build())
                        .build(DeviceContentSigner.create(device, key), holder);
                TimeStampTokenGenerator generator = new TimeStampTokenGenerator(signer, sha256,
                        new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4.1"));
                generator.addCertificates(new JcaCertStore(List.of(new JcaX509CertificateConverter()
                        .setProvider(BouncyCastle.PROVIDER).getCertificate(holder))));
                TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
                requests.setCertReq(true);
                var request = requests.generate(GMObjectIdentifiers.sm3, imprint);
                return generator.generate(request, BigInteger.valueOf(serials.incrementAndGet()), Date.from(time))
                        .getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] issue(String subject, KeyRef key) {
        return certificate(subject, key, "CN=Test Root CA,O=HRSS,C=CN", rootKey, false, null);
    }

    private byte[] certificate(String subject, KeyRef key, String issuer, KeyRef issuerKey, boolean ca,
                               ExtendedKeyUsage eku) {
        X500Name name = new X500Name(subject);
        var builder = new X509v3CertificateBuilder(issuer == null ? name : new X500Name(issuer),
                BigInteger.valueOf(serials.incrementAndGet()), Date.from(NOT_BEFORE), Date.from(NOT_AFTER), name,
                device.exportSignPublicKey(key).toSubjectPublicKeyInfo());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (eku != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, eku);
            }
            return builder.build(DeviceContentSigner.create(device, issuerKey == null ? key : issuerKey))
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        device.close();
    }
}
