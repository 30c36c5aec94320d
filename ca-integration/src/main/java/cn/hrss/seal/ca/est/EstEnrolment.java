package cn.hrss.seal.ca.est;

import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;

import java.util.Base64;

/**
 * EST simple enrolment (RFC 7030 4.2.1) of system certificates: checks the PKCS#10 request (SM2 key,
 * SM3withSM2 proof of possession, a CN and the {@link SystemIdentity} extension request) and issues a system
 * certificate through the CA. The subject is rebuilt by the system profile, not copied.
 */
final class EstEnrolment {
    private final CertificateAuthority authority;
    private final String defaultOrganisation;

    EstEnrolment(CertificateAuthority authority, String defaultOrganisation) {
        this.authority = authority;
        this.defaultOrganisation = defaultOrganisation;
    }

    IssuedCertificate enroll(byte[] base64Request) {
        PKCS10CertificationRequest csr = parse(base64Request);
        Sm2PublicKey key = sm2Key(csr.getSubjectPublicKeyInfo());
        if (!Sm2.SM3_WITH_SM2.getAlgorithm().equals(csr.getSignatureAlgorithm().getAlgorithm())) {
            throw bad("the request must be signed with SM3withSM2");
        }
        if (!proofOfPossession(csr)) {
            throw bad("the request's signature does not verify with its public key");
        }
        X500Name subject = csr.getSubject();
        String cn = attribute(subject, BCStyle.CN);
        if (cn == null) {
            throw bad("the request's subject has no CN");
        }
        String organisation = attribute(subject, BCStyle.O);
        SystemIdentity identity = identity(csr);
        try {
            return authority.issueSystemCertificate(new SystemCertificateRequest(cn,
                    organisation == null ? defaultOrganisation : organisation, identity.tier(),
                    identity.region(), key));
        } catch (IllegalArgumentException e) {
            throw bad(e.getMessage());
        }
    }

    private static PKCS10CertificationRequest parse(byte[] base64Request) {
        try {
            return new PKCS10CertificationRequest(Base64.getMimeDecoder().decode(base64Request));
        } catch (Exception e) {
            // IOException for bad DER, IllegalArgumentException for bad base64 or structure
            throw bad("the body is not a base64 PKCS#10 request");
        }
    }

    private static Sm2PublicKey sm2Key(SubjectPublicKeyInfo spki) {
        try {
            if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())
                    || !Sm2.SM2_CURVE_OID.equals(spki.getAlgorithm().getParameters())) {
                throw bad("the request's key is not an SM2 key");
            }
            return Sm2PublicKey.fromSubjectPublicKeyInfo(spki);
        } catch (IllegalArgumentException e) {
            throw bad("the request's SM2 public key is invalid");
        }
    }

    private static boolean proofOfPossession(PKCS10CertificationRequest csr) {
        try {
            return csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                    .build(csr.getSubjectPublicKeyInfo()));
        } catch (PKCSException | OperatorCreationException | RuntimeException e) {
            return false;
        }
    }

    private static SystemIdentity identity(PKCS10CertificationRequest csr) {
        try {
            Extensions requested = csr.getRequestedExtensions();
            Extension ext = requested == null ? null : requested.getExtension(CaObjectIdentifiers.SYSTEM_IDENTITY);
            if (ext == null) {
                throw bad("the request must carry the system identity extension ("
                        + CaObjectIdentifiers.SYSTEM_IDENTITY + ") in its extensionRequest attribute");
            }
            return SystemIdentity.getInstance(ext.getParsedValue());
        } catch (IllegalArgumentException e) {
            throw bad("the system identity extension is malformed: " + e.getMessage());
        }
    }

    private static String attribute(X500Name name, ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        return rdns.length == 0 ? null : IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private static SealException bad(String message) {
        return SealException.badRequest("EST_BAD_REQUEST", message);
    }
}
