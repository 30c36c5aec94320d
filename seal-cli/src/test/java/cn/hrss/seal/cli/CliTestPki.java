package cn.hrss.seal.cli;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.ses.SealMaker;
import cn.hrss.seal.core.ses.SesSigner;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.core.skf.EnvelopedKeyBlob;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A small PKI for the CLI tests: root, seal maker, TSA and node (status signer) certificates, and seal packages in
 * the exported format with a USBKey seal key enveloped to a holder key. Keys are plain scalars signed through
 * {@link ImportedKeyDevice}, the device the CLI itself uses.
 */
final class CliTestPki {
    static final Instant NOT_BEFORE = Instant.now().minus(Duration.ofDays(1));
    static final Instant NOT_AFTER = Instant.now().plus(Duration.ofDays(365));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final AtomicLong SERIAL = new AtomicLong(100);
    private static final String ROOT_NAME = "CN=CLI Test Root,O=HRSS,C=CN";

    final BigInteger rootKey = newKey();
    final X509CertificateHolder root;
    final BigInteger makerKey = newKey();
    final X509CertificateHolder maker;
    final BigInteger tsaKey = newKey();
    final X509CertificateHolder tsa;
    final BigInteger nodeKey = newKey();
    final X509CertificateHolder node;

    CliTestPki() {
        root = certificate(ROOT_NAME, rootKey, null, true, null);
        maker = certificate("CN=Seal Maker,O=HRSS,C=CN", makerKey, rootKey, false, null);
        tsa = certificate("CN=CLI Test TSA,O=HRSS,C=CN", tsaKey, rootKey, false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        node = certificate("CN=node-system,O=HRSS,C=CN", nodeKey, rootKey, false, null);
    }

    static BigInteger newKey() {
        return new BigInteger(255, RANDOM).add(BigInteger.ONE);
    }

    static Sm2PublicKey publicKey(BigInteger d) {
        return Sm2PublicKey.fromPoint(Sm2.publicPoint(d));
    }

    /** A seal package as the node exports it, its seal key enveloped to {@code holderKey}. */
    byte[] sealPackage(String esId, BigInteger holderKey) {
        BigInteger sealKey = newKey();
        X509CertificateHolder certificate = certificate("CN=业务专用章,O=Test Unit,C=CN", sealKey, rootKey, false,
                null);
        byte[] cert = der(certificate);
        SealInfo info = SealInfo.builder().vendorId("HRSS").esId(esId).sealType(99).name("业务专用章")
                .signerCertificate(cert).createDate(NOT_BEFORE).validity(NOT_BEFORE, NOT_AFTER)
                .picture("PNG", png(), 40, 40).build();
        byte[] seal = SealMaker.make(info, der(maker), SesSigner.of(new ImportedKeyDevice(makerKey),
                ImportedKeyDevice.SEAL_KEY)).encoded();
        byte[] envelope = EnvelopedKeyBlob.wrap(sealKey, publicKey(holderKey), randomBytes(16), RANDOM).getEncoded();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", ("{\"format\":\"hrss-seal-package/1\",\"esId\":\"" + esId
                + "\",\"sealName\":\"业务专用章\",\"sealType\":\"99\",\"unitName\":\"Test Unit\","
                + "\"unitCreditCode\":\"91110105MA0000000X\",\"validFrom\":\"" + NOT_BEFORE + "\",\"validTo\":\""
                + NOT_AFTER + "\",\"exportedAt\":\"" + Instant.now() + "\"}").getBytes(StandardCharsets.UTF_8));
        entries.put("seal.der", seal);
        entries.put("certificate.der", cert);
        entries.put("chain.pem", pem(root).getBytes(StandardCharsets.US_ASCII));
        entries.put("key-envelope.bin", envelope);
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** The holder key as PEM PKCS#8, as {@code openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:SM2}. */
    static Path writeHolderKey(Path file, BigInteger d) throws IOException {
        PrivateKeyInfo info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey,
                GMObjectIdentifiers.sm2p256v1), new ECPrivateKey(256, d));
        Files.writeString(file, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(info.getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return file;
    }

    static String pem(X509CertificateHolder certificate) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(der(certificate)) + "\n-----END CERTIFICATE-----\n";
    }

    /** An RFC 3161 responder over this PKI's TSA certificate. */
    TimeStampResponseGenerator timeStampResponder() {
        try {
            ImportedKeyDevice device = new ImportedKeyDevice(tsaKey);
            var digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(digests)
                    .build(DeviceContentSigner.create(device, ImportedKeyDevice.SEAL_KEY), tsa),
                    digests.get(new AlgorithmIdentifier(org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
                    new ASN1ObjectIdentifier("1.2.3.4.1"));
            tokens.addCertificates(new JcaCertStore(List.of(new JcaX509CertificateConverter()
                    .setProvider(BouncyCastle.PROVIDER).getCertificate(tsa))));
            return new TimeStampResponseGenerator(tokens, Set.of(GMObjectIdentifiers.sm3, TSPAlgorithms.SHA256));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private X509CertificateHolder certificate(String subject, BigInteger key, BigInteger issuerKey, boolean ca,
                                              ExtendedKeyUsage eku) {
        X500Name name = new X500Name(subject);
        var builder = new X509v3CertificateBuilder(issuerKey == null ? name : new X500Name(ROOT_NAME),
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(NOT_BEFORE), Date.from(NOT_AFTER), name,
                publicKey(key).toSubjectPublicKeyInfo());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            if (eku != null) {
                builder.addExtension(Extension.extendedKeyUsage, true, eku);
            }
            return builder.build(DeviceContentSigner.create(new ImportedKeyDevice(issuerKey == null ? key : issuerKey),
                    ImportedKeyDevice.SEAL_KEY));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** A real 1x1 PNG, so PDF stamping can draw it. */
    static byte[] png() {
        try {
            var image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_ARGB);
            image.setRGB(3, 3, 0xFFFF0000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
