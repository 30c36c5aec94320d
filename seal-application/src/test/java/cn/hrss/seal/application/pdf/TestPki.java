package cn.hrss.seal.application.pdf;

import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.picture.SealDesign;
import cn.hrss.seal.core.picture.SealPicture;
import cn.hrss.seal.core.picture.SealPictureRenderer;
import cn.hrss.seal.core.ses.SealMaker;
import cn.hrss.seal.core.ses.v4.SealInfo;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
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
import org.bouncycastle.cms.SignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throw-away PKI over a SoftCipherDevice: a root, a seal maker, seal (signer) certificates with their GB/T 38540
 * seals, and a TSA with EKU timeStamping; {@link #tsa()} is an in-process RFC 3161 TSA over the device key.
 */
final class TestPki implements AutoCloseable {
    static final Instant NOW = Instant.now();
    private static final AtomicLong SERIAL = new AtomicLong(1000);
    private static SealPicture picture;

    final CipherDevice device;
    final Authority root;
    final Authority maker;
    final Authority tsaAuthority;

    /** A key in the device with its certificate. */
    record Authority(KeyRef key, X509CertificateHolder certificate) {
    }

    TestPki(Path dir, String rootName) {
        this.device = new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "test-password".toCharArray());
        KeyRef rootKey = device.generateKeyPair("root");
        X500Name rootSubject = new X500Name("CN=" + rootName + ",O=HRSS Test,C=CN");
        this.root = new Authority(rootKey, certificate(rootSubject, rootKey, rootSubject, rootKey,
                NOW.minus(Duration.ofDays(365)), NOW.plus(Duration.ofDays(3650)), Profile.CA));
        this.maker = issue("CN=Seal Maker,O=HRSS Test,C=CN", Profile.SIGNER, NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(700)));
        this.tsaAuthority = issue("CN=Test TSA,O=HRSS Test,C=CN", Profile.TSA, NOW.minus(Duration.ofDays(30)),
                NOW.plus(Duration.ofDays(700)));
    }

    enum Profile { CA, SIGNER, TSA }

    Authority issue(String subject, Profile profile, Instant notBefore, Instant notAfter) {
        KeyRef key = device.generateKeyPair(subject);
        return new Authority(key, certificate(new X500Name(subject), key, root.certificate().getSubject(), root.key(),
                notBefore, notAfter, profile));
    }

    /** A seal for a new signer certificate valid from notBefore to notAfter; the seal is valid for 2 years. */
    SealSigningKey sealKey(String unit, Instant notBefore, Instant notAfter) {
        Authority signer = issue("CN=" + unit + " Seal,O=" + unit + ",C=CN", Profile.SIGNER, notBefore, notAfter);
        SealPicture seal = picture();
        SealInfo info = SealInfo.builder()
                .vendorId("HRSS")
                .esId("3505210012345" + SERIAL.incrementAndGet())
                .sealType(1)
                .name(unit + "公章")
                .signerCertificate(encoded(signer.certificate()))
                .createDate(NOW.minus(Duration.ofDays(400)))
                .validity(NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(365)))
                .picture(seal.type(), seal.data(), seal.widthMm(), seal.heightMm())
                .build();
        byte[] sealDer = SealMaker.make(info, encoded(maker.certificate()), message ->
                device.sign(maker.key(), Sm2.digest(device.exportSignPublicKey(maker.key()), message))).encoded();
        return new SealSigningKey(device, signer.key(), List.of(signer.certificate(), root.certificate()), sealDer);
    }

    SealSigningKey sealKey(String unit) {
        return sealKey(unit, NOW.minus(Duration.ofDays(30)), NOW.plus(Duration.ofDays(700)));
    }

    /** An in-process TSA: BouncyCastle's TimeStampTokenGenerator over the device key, genTime = now. */
    TimeStampSource tsa() {
        return imprint -> {
            try {
                TimeStampRequestGenerator request = new TimeStampRequestGenerator();
                request.setCertReq(true);
                return tokenGenerator().generate(request.generate(GMObjectIdentifiers.sm3, imprint),
                        BigInteger.valueOf(SERIAL.incrementAndGet()), new Date()).getEncoded();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** The TSA as an RFC 3161 responder, for serving over HTTP. */
    TimeStampResponseGenerator tsaResponder() throws Exception {
        return new TimeStampResponseGenerator(tokenGenerator(), Set.of(GMObjectIdentifiers.sm3));
    }

    private TimeStampTokenGenerator tokenGenerator() throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
        TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new SignerInfoGeneratorBuilder(digests)
                .build(DeviceContentSigner.create(device, tsaAuthority.key()), tsaAuthority.certificate()),
                digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)), new ASN1ObjectIdentifier("1.2.3.4.1"));
        generator.addCertificates(new CollectionStore<>(List.of(tsaAuthority.certificate())));
        return generator;
    }

    private X509CertificateHolder certificate(X500Name subject, KeyRef subjectKey, X500Name issuer, KeyRef issuerKey,
                                              Instant notBefore, Instant notAfter, Profile profile) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuer,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject,
                device.exportSignPublicKey(subjectKey).toSubjectPublicKeyInfo());
        try {
            switch (profile) {
                case CA -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                }
                case SIGNER -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
                case TSA -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
            }
            return builder.build(DeviceContentSigner.create(device, issuerKey));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized SealPicture picture() {
        if (picture == null) {
            picture = new SealPictureRenderer(300, SealPictureRenderer.withDefaults().fontFamily())
                    .render(SealDesign.of("福建省测试人力资源和社会保障局", "合同专用章"));
        }
        return picture;
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        device.close();
    }
}
