package cn.hrss.seal.making.testing;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.making.port.SealCertificates;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small SM2 CA over the device for tests: a self-signed root, seal certificates, renewal, revocation kept in
 * memory. Stands in for ca-integration behind the {@link SealCertificates} port.
 */
public final class TestCa implements SealCertificates {
    /** The seal profile's validity: shorter than the longest seal an application may ask for. */
    public static final Duration SEAL_VALIDITY = Duration.ofDays(1500);
    private static final X500Name ROOT = new X500Name("CN=Test Seal Root,O=HRSS,C=CN");
    private final CipherDevice device;
    private final KeyRef rootKey;
    private final byte[] rootCertificate;
    private final SecureRandom random = new SecureRandom();
    private final Map<BigInteger, RevocationReason> revoked = new ConcurrentHashMap<>();
    private final List<BigInteger> issued = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failNextIssue;

    public TestCa(CipherDevice device) {
        this.device = device;
        this.rootKey = device.generateKeyPair("test-seal-root");
        Instant now = Instant.now();
        this.rootCertificate = sign(ROOT, device.exportSignPublicKey(rootKey).toSubjectPublicKeyInfo(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), true);
    }

    public byte[] rootCertificate() {
        return rootCertificate.clone();
    }

    /** The maker (system) certificate of the making node. */
    public byte[] issueSystemCertificate(KeyRef key, String name) {
        Instant now = Instant.now();
        return sign(new X500Name("CN=" + name + ",O=HRSS,C=CN"), device.exportSignPublicKey(key)
                .toSubjectPublicKeyInfo(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)), false);
    }

    @Override
    public byte[] issue(SealSubject subject, Sm2PublicKey sealKey) {
        RuntimeException failure = failNextIssue;
        if (failure != null) {
            failNextIssue = null;
            throw failure;
        }
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "CN")
                .addRDN(BCStyle.O, subject.unitName())
                .addRDN(BCStyle.SERIALNUMBER, subject.unitCreditCode())
                .addRDN(BCStyle.CN, subject.sealName() + " " + subject.esId())
                .build();
        Instant now = Instant.now();
        return sign(name, sealKey.toSubjectPublicKeyInfo(), now, now.plus(SEAL_VALIDITY), false);
    }

    @Override
    public byte[] renew(byte[] currentCertificate) {
        Certificate current = Certificate.getInstance(currentCertificate);
        Instant now = Instant.now();
        return sign(current.getSubject(), current.getSubjectPublicKeyInfo(), now, now.plus(SEAL_VALIDITY), false);
    }

    @Override
    public void revoke(byte[] certificate, Instant revokedAt, RevocationReason reason) {
        revoked.put(Certificate.getInstance(certificate).getSerialNumber().getValue(), reason);
    }

    public RevocationReason revocationOf(byte[] certificate) {
        return revoked.get(Certificate.getInstance(certificate).getSerialNumber().getValue());
    }

    public int issuedCount() {
        return issued.size();
    }

    /** Makes the next issue fail, to show that a failed making leaves nothing behind. */
    public void failNextIssue(RuntimeException failure) {
        this.failNextIssue = failure;
    }

    private byte[] sign(X500Name subject, SubjectPublicKeyInfo key, Instant notBefore, Instant notAfter, boolean ca) {
        BigInteger serial = new BigInteger(64, random).setBit(63);
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(ROOT, serial, Date.from(notBefore),
                Date.from(notAfter), subject, key);
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(ca
                    ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            byte[] der = builder.build(DeviceContentSigner.create(device, rootKey)).getEncoded();
            issued.add(serial);
            return der;
        } catch (CertIOException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
