package cn.hrss.seal.application.ofd;

import cn.hrss.seal.application.ofd.OfdCheck.Kind;
import cn.hrss.seal.core.crypto.BouncyCastle;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PKIX path validation with BouncyCastle (the JDK cannot parse SM2 certificates, pitfall 13) against configured
 * roots, at the signing time. Revocation is not checked here (no CRL/OCSP offline).
 */
final class TrustedRoots {
    private final Set<TrustAnchor> anchors;

    TrustedRoots(List<byte[]> rootCertificates) {
        this.anchors = rootCertificates.stream().map(d -> new TrustAnchor(parse(d), null))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @param intermediates DER certificates that may complete the path, in any order */
    OfdCheck check(Kind kind, byte[] certificate, List<byte[]> intermediates, java.time.Instant at) {
        if (anchors.isEmpty()) {
            return OfdCheck.indeterminate(kind, "no trusted roots configured");
        }
        X509Certificate cert;
        try {
            cert = parse(certificate);
        } catch (IllegalArgumentException e) {
            return OfdCheck.failed(kind, e.getMessage());
        }
        try {
            List<X509Certificate> path = new ArrayList<>();
            path.add(cert);
            for (X509Certificate next = cert; !isAnchor(next); ) {
                X509Certificate issuer = issuer(next, intermediates);
                if (issuer == null || path.contains(issuer)) {
                    return OfdCheck.failed(kind, "no path from " + cert.getSubjectX500Principal().getName()
                            + " to a trusted root");
                }
                path.add(issuer);
                next = issuer;
            }
            path.remove(path.size() - 1);
            if (path.isEmpty()) {
                return validity(kind, cert, at, "certificate is itself a trusted root");
            }
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(at));
            CertificateFactory factory = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER);
            CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER)
                    .validate(factory.generateCertPath(path), params);
            return OfdCheck.passed(kind, "chains to a trusted root and is valid at " + at
                    + " (revocation not checked)");
        } catch (CertPathValidatorException e) {
            return OfdCheck.failed(kind, "path validation failed at " + at + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            return OfdCheck.indeterminate(kind, "path validation not possible: " + e.getMessage());
        }
    }

    private boolean isAnchor(X509Certificate cert) {
        return anchors.stream().anyMatch(a -> a.getTrustedCert().equals(cert));
    }

    private X509Certificate issuer(X509Certificate cert, List<byte[]> intermediates) {
        for (TrustAnchor anchor : anchors) {
            if (issuedBy(cert, anchor.getTrustedCert())) {
                return anchor.getTrustedCert();
            }
        }
        for (byte[] der : intermediates) {
            X509Certificate candidate = parse(der);
            if (issuedBy(cert, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static OfdCheck validity(Kind kind, X509Certificate cert, java.time.Instant at, String what) {
        try {
            cert.checkValidity(Date.from(at));
            return OfdCheck.passed(kind, what + ", valid at " + at);
        } catch (GeneralSecurityException e) {
            return OfdCheck.failed(kind, what + " but not valid at " + at);
        }
    }

    private static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("certificate unreadable: " + e.getMessage(), e);
        }
    }
}
