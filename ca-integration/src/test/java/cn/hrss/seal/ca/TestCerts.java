package cn.hrss.seal.ca;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Certificate helpers for tests, all on BouncyCastle (the JDK does not know the SM2 curve). */
public final class TestCerts {
    private TestCerts() {
    }

    /** A fresh subject key in the device; returns its public key. */
    public static Sm2PublicKey newKey(CipherDevice device) {
        return device.exportSignPublicKey(device.generateKeyPair("test-" + UUID.randomUUID()));
    }

    public static boolean signedBy(X509CertificateHolder cert, X509CertificateHolder issuer) throws Exception {
        return cert.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                .build(issuer));
    }

    public static X509Certificate x509(X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
    }

    /** PKIX path validation (without revocation checking) of {@code leaf} to {@code root} with BC. */
    public static void validatePath(X509CertificateHolder leaf, X509CertificateHolder root) throws Exception {
        CertificateFactory cf = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(x509(root), null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER)
                .validate(cf.generateCertPath(List.of(x509(leaf))), params);
    }
}
