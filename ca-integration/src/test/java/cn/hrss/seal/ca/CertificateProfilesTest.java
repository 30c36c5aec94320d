package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.api.SealSource;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The certificate profiles of docs/CA-PROFILES.md, checked on the certificates a running node issues. */
class CertificateProfilesTest {
    private static final String BASE = "https://seal.example.gov.cn/hrss/";

    @TempDir
    static Path dir;
    static TestDatabase db;
    static TestNode node;

    @BeforeAll
    static void start() {
        db = TestDatabase.h2();
        node = TestNode.start(db, TestNode.Keys.in(dir), Map.of("seal.tier", "PROVINCE",
                "seal.region-code", "440000", "seal.ca.public-base-url", BASE, "seal.ca.node-name", "gd-node-1"));
    }

    @AfterAll
    static void stop() {
        node.close();
        db.close();
    }

    @Test
    void sealRootIsASelfSignedSm2CaForEndEntitiesOnly() throws Exception {
        X509CertificateHolder root = node.ca().rootCertificate();

        assertThat(root.getSubject()).isEqualTo(root.getIssuer());
        assertThat(TestCerts.signedBy(root, root)).isTrue();
        assertThat(root.getSignatureAlgorithm().getAlgorithm()).isEqualTo(Sm2.SM3_WITH_SM2.getAlgorithm());
        assertThat(root.getSignatureAlgorithm().getParameters()).isNull();
        Extension bc = root.getExtension(Extension.basicConstraints);
        assertThat(bc.isCritical()).isTrue();
        assertThat(BasicConstraints.getInstance(bc.getParsedValue()).isCA()).isTrue();
        assertThat(BasicConstraints.getInstance(bc.getParsedValue()).getPathLenConstraint()).isZero();
        assertThat(keyUsage(root)).isEqualTo(new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        assertThat(root.getExtension(Extension.keyUsage).isCritical()).isTrue();
        assertThat(root.getExtension(Extension.cRLDistributionPoints)).isNull();
        assertThat(AuthorityKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier());
        assertRandomSerial(root);
    }

    @Test
    void nodeCertificateIsASystemCertificateWithTheNodeTierAndRegion() throws Exception {
        X509CertificateHolder cert = node.ca().nodeCertificate();

        TestCerts.validatePath(cert, node.ca().rootCertificate());
        SystemIdentity identity = SystemIdentity.getInstance(
                cert.getExtension(CaObjectIdentifiers.SYSTEM_IDENTITY).getParsedValue());
        assertThat(identity.tier()).isEqualTo(Tier.PROVINCE);
        assertThat(identity.region().value()).isEqualTo("440000");
        assertThat(rdn(cert, BCStyle.CN)).isEqualTo("gd-node-1");
        assertThat(rdn(cert, BCStyle.OU)).isEqualTo("PROVINCE");
        assertThat(rdn(cert, BCStyle.L)).isEqualTo("440000");
        assertThat(keyUsage(cert)).isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        assertThat(Sm2PublicKey.fromSubjectPublicKeyInfo(cert.getSubjectPublicKeyInfo()))
                .isEqualTo(node.device().exportSignPublicKey(node.ca().nodeKey()));
        assertIssuerExtensions(cert);
    }

    @Test
    void systemCertificateCarriesTierRegionAndSubjectFields() throws Exception {
        IssuedCertificate issued = node.ca().issueSystemCertificate(new SystemCertificateRequest("Shenzhen status",
                "Shenzhen HRSS", Tier.CITY, AdministrativeRegionCode.parse("440300"), TestCerts.newKey(node.device())));
        X509CertificateHolder cert = issued.certificate();

        assertThat(issued.profile()).isEqualTo(CertificateProfile.SYSTEM);
        TestCerts.validatePath(cert, node.ca().rootCertificate());
        SystemIdentity identity = SystemIdentity.getInstance(
                cert.getExtension(CaObjectIdentifiers.SYSTEM_IDENTITY).getParsedValue());
        assertThat(identity.tier()).isEqualTo(Tier.CITY);
        assertThat(identity.region().value()).isEqualTo("440300");
        assertThat(rdn(cert, BCStyle.O)).isEqualTo("Shenzhen HRSS");
        assertThat(ExtendedKeyUsage.fromExtensions(cert.getExtensions()).hasKeyPurposeId(KeyPurposeId.id_kp_clientAuth))
                .isTrue();
        assertRandomSerial(cert);
    }

    @Test
    void sealCertificateCarriesUnitIdentityAndSealSource() throws Exception {
        IssuedCertificate issued = node.ca().issueSealCertificate(new SealCertificateRequest("44030012345678",
                "合同专用章", "深圳市人力资源和社会保障局", UnifiedCreditCode.parse("11440300MB2C12348B"), "广东省印章制作系统",
                TestCerts.newKey(node.device())));
        X509CertificateHolder cert = issued.certificate();

        TestCerts.validatePath(cert, node.ca().rootCertificate());
        assertThat(rdn(cert, BCStyle.CN)).isEqualTo("合同专用章");
        assertThat(rdn(cert, BCStyle.O)).isEqualTo("深圳市人力资源和社会保障局");
        assertThat(rdn(cert, BCStyle.ORGANIZATION_IDENTIFIER)).isEqualTo("11440300MB2C12348B");
        Extension ku = cert.getExtension(Extension.keyUsage);
        assertThat(ku.isCritical()).isTrue();
        assertThat(keyUsage(cert)).isEqualTo(new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        assertThat(BasicConstraints.fromExtensions(cert.getExtensions()).isCA()).isFalse();
        assertThat(DERPrintableString.getInstance(
                cert.getExtension(CaObjectIdentifiers.UNIFIED_SOCIAL_CREDIT_CODE).getParsedValue()).getString())
                .isEqualTo("11440300MB2C12348B");
        SealSource source = SealSource.getInstance(cert.getExtension(CaObjectIdentifiers.SEAL_SOURCE).getParsedValue());
        assertThat(source.esId()).isEqualTo("44030012345678");
        assertThat(source.makingSystem()).isEqualTo("广东省印章制作系统");
        assertIssuerExtensions(cert);
    }

    @Test
    void ocspSignerAndTsaCertificatesHaveTheirPurposes() throws Exception {
        X509CertificateHolder ocsp = certOfProfile(CertificateProfile.OCSP_SIGNER);
        X509CertificateHolder tsa = certOfProfile(CertificateProfile.TSA);

        assertThat(ExtendedKeyUsage.fromExtensions(ocsp.getExtensions()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_OCSPSigning);
        assertThat(ocsp.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck)).isNotNull();
        Extension tsaEku = tsa.getExtension(Extension.extendedKeyUsage);
        assertThat(tsaEku.isCritical()).isTrue();
        assertThat(ExtendedKeyUsage.getInstance(tsaEku.getParsedValue()).getUsages())
                .containsExactly(KeyPurposeId.id_kp_timeStamping);
        TestCerts.validatePath(ocsp, node.ca().rootCertificate());
        TestCerts.validatePath(tsa, node.ca().rootCertificate());
    }

    @Test
    void renewalKeepsSubjectAndIdentityButNotSerialOrKey() throws Exception {
        IssuedCertificate old = node.ca().issueSealCertificate(new SealCertificateRequest("44030099999999",
                "财务专用章", "Shenzhen HRSS", UnifiedCreditCode.parse("11440300MB2C12348B"), "GD making",
                TestCerts.newKey(node.device())));
        Sm2PublicKey newKey = TestCerts.newKey(node.device());

        IssuedCertificate renewed = node.ca().renew(old.serial(), newKey);

        assertThat(renewed.serial()).isNotEqualTo(old.serial());
        assertThat(renewed.certificate().getSubject()).isEqualTo(old.certificate().getSubject());
        assertThat(Sm2PublicKey.fromSubjectPublicKeyInfo(renewed.certificate().getSubjectPublicKeyInfo()))
                .isEqualTo(newKey);
        assertThat(SealSource.getInstance(renewed.certificate().getExtension(CaObjectIdentifiers.SEAL_SOURCE)
                .getParsedValue()).esId()).isEqualTo("44030099999999");
        assertThat(SubjectKeyIdentifier.fromExtensions(renewed.certificate().getExtensions()).getKeyIdentifier())
                .isNotEqualTo(SubjectKeyIdentifier.fromExtensions(old.certificate().getExtensions())
                        .getKeyIdentifier());
        assertIssuerExtensions(renewed.certificate());
        TestCerts.validatePath(renewed.certificate(), node.ca().rootCertificate());
    }

    @Test
    void rootAndNodeChainAreServedAsPem() throws Exception {
        HttpResponse<byte[]> root = node.get("/ca/root.pem");
        HttpResponse<byte[]> chain = node.get("/ca/node.pem");
        HttpResponse<byte[]> rootDer = node.get("/ca/root.cer");

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/pem-certificate-chain"));
        assertThat(pem(root.body())).containsExactly(node.ca().rootCertificate());
        assertThat(pem(chain.body())).containsExactly(node.ca().nodeCertificate(), node.ca().rootCertificate());
        assertThat(new X509CertificateHolder(rootDer.body())).isEqualTo(node.ca().rootCertificate());
    }

    private static void assertIssuerExtensions(X509CertificateHolder cert) {
        X509CertificateHolder root = node.ca().rootCertificate();
        assertThat(AuthorityKeyIdentifier.fromExtensions(cert.getExtensions()).getKeyIdentifierOctets())
                .isEqualTo(SubjectKeyIdentifier.fromExtensions(root.getExtensions()).getKeyIdentifier());
        CRLDistPoint cdp = CRLDistPoint.fromExtensions(cert.getExtensions());
        GeneralNames crlNames = (GeneralNames) cdp.getDistributionPoints()[0].getDistributionPoint().getName();
        assertThat(uri(crlNames.getNames()[0])).isEqualTo("https://seal.example.gov.cn/hrss/ca/crl");
        AuthorityInformationAccess aia = AuthorityInformationAccess.fromExtensions(cert.getExtensions());
        List<String> ocsp = new ArrayList<>();
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                ocsp.add(uri(d.getAccessLocation()));
            }
        }
        assertThat(ocsp).containsExactly("https://seal.example.gov.cn/hrss/ca/ocsp");
    }

    private static void assertRandomSerial(X509CertificateHolder cert) {
        assertThat(cert.getSerialNumber().signum()).isPositive();
        assertThat(cert.getSerialNumber().bitLength()).isBetween(100, 127);
    }

    private static X509CertificateHolder certOfProfile(CertificateProfile profile) {
        // The bootstrap identities are reachable through the serials they are recorded under.
        var identities = node.bean(cn.hrss.seal.ca.authority.CaIdentities.class);
        X509CertificateHolder cert = profile == CertificateProfile.OCSP_SIGNER
                ? identities.ocspSigner().certificate() : identities.tsa().certificate();
        assertThat(node.ca().find(cert.getSerialNumber())).hasValueSatisfying(
                i -> assertThat(i.profile()).isEqualTo(profile));
        return cert;
    }

    private static String uri(GeneralName name) {
        assertThat(name.getTagNo()).isEqualTo(GeneralName.uniformResourceIdentifier);
        return name.getName().toString();
    }

    private static KeyUsage keyUsage(X509CertificateHolder cert) {
        return KeyUsage.fromExtensions(cert.getExtensions());
    }

    private static String rdn(X509CertificateHolder cert, ASN1ObjectIdentifier type) {
        return IETFUtils.valueToString(cert.getSubject().getRDNs(type)[0].getFirst().getValue());
    }

    static List<X509CertificateHolder> pem(byte[] body) throws Exception {
        List<X509CertificateHolder> out = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(new String(body, StandardCharsets.US_ASCII)))) {
            for (var o = reader.readPemObject(); o != null; o = reader.readPemObject()) {
                out.add(new X509CertificateHolder(o.getContent()));
            }
        }
        return out;
    }
}
