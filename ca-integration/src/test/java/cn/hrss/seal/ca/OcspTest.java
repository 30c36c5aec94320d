package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /ca/ocsp} (RFC 6960) driven with BouncyCastle-built requests. */
class OcspTest {
    private static final AlgorithmIdentifier SHA1 = new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1);
    private static final AlgorithmIdentifier SM3 = new AlgorithmIdentifier(GMObjectIdentifiers.sm3);

    @TempDir
    static Path dir;
    static TestDatabase db;
    static TestNode node;
    static DigestCalculatorProvider digests;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.h2();
        node = TestNode.start(db, TestNode.Keys.in(dir), Map.of());
        digests = new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build();
    }

    @AfterAll
    static void stop() {
        node.close();
        db.close();
    }

    @Test
    void answersGoodRevokedAndUnknownWithSha1AndSm3CertIds() throws Exception {
        IssuedCertificate good = issue();
        IssuedCertificate revoked = issue();
        Instant at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        node.ca().revoke(revoked.serial(), RevocationReason.CESSATION_OF_OPERATION, at);

        for (AlgorithmIdentifier hash : new AlgorithmIdentifier[]{SHA1, SM3}) {
            BasicOCSPResp basic = successful(post(new OCSPReqBuilder()
                    .addRequest(id(hash, good.serial()))
                    .addRequest(id(hash, revoked.serial()))
                    .addRequest(id(hash, new BigInteger("123456789")))
                    .build().getEncoded()));

            SingleResp[] answers = basic.getResponses();
            assertThat(answers).hasSize(3);
            assertThat(answers[0].getCertID().getHashAlgOID()).isEqualTo(hash.getAlgorithm());
            assertThat(answers[0].getCertStatus()).isNull(); // GOOD
            assertThat(answers[1].getCertStatus()).isInstanceOfSatisfying(RevokedStatus.class, s -> {
                assertThat(s.getRevocationTime().toInstant()).isEqualTo(at);
                assertThat(s.getRevocationReason()).isEqualTo(RevocationReason.CESSATION_OF_OPERATION.code());
            });
            assertThat(answers[2].getCertStatus()).isInstanceOf(UnknownStatus.class);
            assertThat(answers[0].getNextUpdate()).isAfter(answers[0].getThisUpdate());
        }
    }

    @Test
    void responseIsSignedByTheDelegatedOcspSigner() throws Exception {
        BasicOCSPResp basic = successful(post(new OCSPReqBuilder().addRequest(id(SHA1, issue().serial()))
                .build().getEncoded()));

        X509CertificateHolder[] certs = basic.getCerts();
        assertThat(certs).hasSize(1);
        X509CertificateHolder signer = certs[0];
        assertThat(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER)
                .build(signer))).isTrue();
        assertThat(TestCerts.signedBy(signer, node.ca().rootCertificate())).isTrue();
        assertThat(ExtendedKeyUsage.fromExtensions(signer.getExtensions()).hasKeyPurposeId(
                KeyPurposeId.id_kp_OCSPSigning)).isTrue();
        assertThat(basic.getResponderId().toASN1Primitive().getName()).isEqualTo(signer.getSubject());
    }

    @Test
    void nonceIsEchoed() throws Exception {
        byte[] nonce = new byte[16];
        Arrays.fill(nonce, (byte) 0x5A);
        Extension ext = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(new DEROctetString(nonce)));

        BasicOCSPResp basic = successful(post(new OCSPReqBuilder().addRequest(id(SM3, issue().serial()))
                .setRequestExtensions(new Extensions(ext)).build().getEncoded()));

        assertThat(basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce)).isEqualTo(ext);
    }

    @Test
    void certIdOfAnotherIssuerIsUnknown() throws Exception {
        IssuedCertificate cert = issue();
        // Our own node certificate posing as issuer: the serial exists, but not under that issuer.
        CertificateID foreign = new CertificateID(digests.get(SHA1), node.ca().nodeCertificate(), cert.serial());

        BasicOCSPResp basic = successful(post(new OCSPReqBuilder().addRequest(foreign).build().getEncoded()));

        assertThat(basic.getResponses()[0].getCertStatus()).isInstanceOf(UnknownStatus.class);
    }

    @Test
    void getWithBase64RequestInThePath() throws Exception {
        CertificateID id = id(SHA1, issue().serial());
        String base64 = null;
        // vary the nonce until the encoding holds the awkward characters '/', '+' and '='
        for (int i = 0; base64 == null || !(base64.contains("/") && base64.contains("+") && base64.endsWith("="));
             i++) {
            Extension nonce = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(BigInteger.valueOf(i).toByteArray())));
            base64 = Base64.getEncoder().encodeToString(new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(nonce)).build().getEncoded());
        }
        // '/' stays literal: servlet containers reject %2F in paths (see docs/INTEROP.md).
        HttpResponse<byte[]> response = node.get("/ca/ocsp/" + base64.replace("+", "%2B").replace("=", "%3D"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(successful(response).getResponses()[0].getCertStatus()).isNull();
    }

    @Test
    void malformedRequestsGetMalformedRequestAndHttp400() throws Exception {
        byte[] valid = new OCSPReqBuilder().addRequest(id(SHA1, issue().serial())).build().getEncoded();
        byte[][] bad = {
                "not der at all".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(valid, valid.length / 2),           // truncated
                {0x30, 0x00},                                     // empty SEQUENCE
                {0x30, (byte) 0x84, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}, // absurd length
                new OCSPReqBuilder().build().getEncoded(),       // no requests
        };
        for (byte[] body : bad) {
            HttpResponse<byte[]> response = post(body);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
            assertThat(new OCSPResp(response.body()).getStatus()).isEqualTo(OCSPResp.MALFORMED_REQUEST);
        }
        assertThat(node.get("/ca/ocsp/%25%25notbase64").statusCode()).isEqualTo(400);
        assertThat(post(new byte[0]).statusCode()).isEqualTo(400);
    }

    private static BasicOCSPResp successful(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/ocsp-response");
        OCSPResp resp = new OCSPResp(response.body());
        assertThat(resp.getStatus()).isEqualTo(OCSPResp.SUCCESSFUL);
        return (BasicOCSPResp) resp.getResponseObject();
    }

    private static HttpResponse<byte[]> post(byte[] body) {
        return node.post("/ca/ocsp", "application/ocsp-request", body);
    }

    private static CertificateID id(AlgorithmIdentifier hash, BigInteger serial) throws Exception {
        return new CertificateID(digests.get(hash), node.ca().rootCertificate(), serial);
    }

    private static IssuedCertificate issue() {
        return node.ca().issueSystemCertificate(new SystemCertificateRequest("ocsp subject", "HRSS", Tier.PROVINCE,
                AdministrativeRegionCode.parse("110000"), TestCerts.newKey(node.device())));
    }
}
