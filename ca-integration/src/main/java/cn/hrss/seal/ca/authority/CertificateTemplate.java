package cn.hrss.seal.ca.authority;

import cn.hrss.seal.ca.api.CertificateProfile;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

import java.time.Duration;
import java.util.List;

/**
 * What a profile decides about a certificate. The issuer adds serial, validity window, key identifiers and,
 * below the root, the CRL and OCSP locations.
 */
record CertificateTemplate(CertificateProfile profile, X500Name subject, SubjectPublicKeyInfo publicKey,
                           Duration validity, List<Extension> extensions) {
    CertificateTemplate {
        extensions = List.copyOf(extensions);
    }
}
