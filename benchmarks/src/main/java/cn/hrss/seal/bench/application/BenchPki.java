package cn.hrss.seal.bench.application;

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
import cn.hrss.seal.core.ses.SesSigner;
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
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A throw-away PKI on one soft cipher device in a scratch directory, as a node has it: a seal root, a seal maker,
 * one seal signer with its GB/T 38540 seal (picture rendered as seal-making renders it, about 115 KB), and an in-process RFC 3161 TSA
 * (BouncyCastle's {@link TimeStampTokenGenerator} signing through the device, SM3 imprints). Every private key
 * operation goes through {@link CipherDevice}, so the benchmarks pay what the node pays.
 */
final class BenchPki implements AutoCloseable {
    private static final X500Name ROOT = new X500Name("CN=Bench Seal Root,O=HRSS Bench,C=CN");
    /** A TSA policy OID of our own; verifiers do not interpret it. */
    private static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.2.156.9999.1");

    private final Path scratch;
    private final CipherDevice device;
    private final AtomicLong serials = new AtomicLong(1000);
    private final Instant now = Instant.now();
    private final KeyRef rootKey;
    private final X509CertificateHolder root;
    private final SealSigningKey sealKey;
    private final KeyRef tsaKey;
    private final X509CertificateHolder tsaCertificate;
    /** Z of the TSA key, computed once as a TSA service would. */
    private final byte[] tsaZ;

    private enum Profile { CA, SIGNER, TSA }

    BenchPki() {
        SecureRandom random = new SecureRandom();
        try {
            scratch = Files.createTempDirectory("seal-bench-application");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] masterKey = new byte[16];
        random.nextBytes(masterKey);
        byte[] password = new byte[16];
        random.nextBytes(password);
        device = new SoftCipherDevice(scratch.resolve("keys.sealed"), masterKey,
                HexFormat.of().formatHex(password).toCharArray(), random);
        rootKey = device.generateKeyPair("root");
        root = certificate(ROOT, rootKey, Profile.CA);
        KeyRef makerKey = device.generateKeyPair("maker");
        X509CertificateHolder maker = certificate(new X500Name("CN=Bench Seal Maker,O=HRSS Bench,C=CN"), makerKey,
                Profile.SIGNER);
        tsaKey = device.generateKeyPair("tsa");
        tsaCertificate = certificate(new X500Name("CN=Bench TSA,O=HRSS Bench,C=CN"), tsaKey, Profile.TSA);
        tsaZ = Sm2.z(device.exportSignPublicKey(tsaKey));
        KeyRef signerKey = device.generateKeyPair("signer");
        X509CertificateHolder signer = certificate(new X500Name("CN=Bench Unit Seal,O=Bench Unit,C=CN"), signerKey,
                Profile.SIGNER);
        sealKey = new SealSigningKey(device, signerKey, List.of(signer, root), seal(signer, maker, makerKey));
    }

    /** The seal root, the verifiers' only trust anchor. */
    X509CertificateHolder root() {
        return root;
    }

    SealSigningKey sealKey() {
        return sealKey;
    }

    /** The in-process TSA: one token per call, genTime now, signed by the device. */
    TimeStampSource timeStamps() {
        return imprint -> {
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            try {
                return tokenGenerator().generate(request.generate(GMObjectIdentifiers.sm3, imprint),
                        BigInteger.valueOf(serials.incrementAndGet()), new Date()).getEncoded();
            } catch (TSPException | IOException e) {
                throw new IllegalStateException("in-process TSA failed", e);
            }
        };
    }

    private byte[] seal(X509CertificateHolder signer, X509CertificateHolder maker, KeyRef makerKey) {
        // the renderer's defaults, as seal-making uses them: the picture is most of the seal's bytes, and the seal
        // is inside every TBS_Sign and PDF signature, so its size shows in every figure
        SealPicture picture = SealPictureRenderer.withDefaults().render(SealDesign.of("基准测试人力资源和社会保障局", "业务专用章"));
        SealInfo info = SealInfo.builder()
                .vendorId("HRSS")
                .esId("11010000000000" + serials.incrementAndGet())
                .sealType(1)
                .name("业务专用章")
                .signerCertificate(encoded(signer))
                .createDate(now.minus(Duration.ofDays(1)))
                .validity(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)))
                .picture(picture.type(), picture.data(), picture.widthMm(), picture.heightMm())
                .build();
        return SealMaker.make(info, encoded(maker), SesSigner.of(device, makerKey)).encoded();
    }

    /** A generator per token: a {@link DeviceContentSigner} makes one signature. */
    private TimeStampTokenGenerator tokenGenerator() {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder()
                    .setProvider(BouncyCastle.PROVIDER).build();
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new SignerInfoGeneratorBuilder(digests)
                    .build(new DeviceContentSigner(device, tsaKey, tsaZ), tsaCertificate),
                    digests.get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)), TSA_POLICY);
            generator.addCertificates(new CollectionStore<>(List.of(tsaCertificate)));
            return generator;
        } catch (OperatorCreationException | TSPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Issued by the root (or self-signed for the root itself), valid from a day ago for a year. */
    private X509CertificateHolder certificate(X500Name subject, KeyRef key, Profile profile) {
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ROOT,
                BigInteger.valueOf(serials.incrementAndGet()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(365))), subject,
                device.exportSignPublicKey(key).toSubjectPublicKeyInfo());
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
            return builder.build(DeviceContentSigner.create(device, profile == Profile.CA ? key : rootKey));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encoded(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        device.close();
        try (Stream<Path> paths = Files.walk(scratch)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
