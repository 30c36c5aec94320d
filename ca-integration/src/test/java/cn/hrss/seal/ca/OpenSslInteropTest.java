package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our certificates, CRL, OCSP responses and time stamps checked by the OpenSSL 3 command line (docs/INTEROP.md
 * has the same commands). OpenSSL 3.0 applies the SM2 default user ID only where it accepts a {@code distid}
 * option: {@code verify -vfyopt} and {@code dgst -sigopt}. Its CRL, OCSP and TS verifiers take none and check SM2
 * signatures with an empty ID, so there the signed bytes are extracted and checked with {@code dgst}; everything
 * else (parsing, status, nonce, imprint, chain) is OpenSSL's own verdict.
 */
class OpenSslInteropTest {
    @TempDir
    static Path dir;
    @TempDir
    static Path keys;
    static TestDatabase db;
    static TestNode node;
    static OpenSsl openssl;

    @BeforeAll
    static void start() throws Exception {
        openssl = new OpenSsl(dir);
        openssl.requireVersion3();
        db = TestDatabase.h2();
        node = TestNode.start(db, TestNode.Keys.in(keys), Map.of());
        write("root.pem", node.get("/ca/root.pem").body());
        write("node.pem", node.get("/ca/node.pem").body());
        openssl.ok("x509", "-in", "root.pem", "-pubkey", "-noout", "-out", "root-pub.pem");
    }

    @AfterAll
    static void stop() {
        node.close();
        db.close();
    }

    @Test
    void certificatesVerifyAgainstTheRootWithTheDefaultSm2Id() throws Exception {
        CaIdentities ids = node.bean(CaIdentities.class);
        writePem("seal.pem", issueSeal().certificate());
        writePem("ocsp.pem", ids.ocspSigner().certificate());
        writePem("tsa.pem", ids.tsa().certificate());

        for (String cert : new String[]{"node.pem", "seal.pem", "ocsp.pem", "tsa.pem"}) {
            assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", cert))
                    .contains(cert + ": OK");
        }
        // Without the ID OpenSSL 3.0 hashes an empty one: failing here proves we sign with the GM/T default.
        OpenSsl.Result noId = openssl.run("verify", "-CAfile", "root.pem", "node.pem");
        assertThat(noId.exitCode()).isNotZero();
        assertThat(noId.output()).contains("certificate signature failure");
        assertThat(openssl.ok("x509", "-in", "seal.pem", "-noout", "-text"))
                .contains("Signature Algorithm: SM2-with-SM3", "ASN1 OID: SM2",
                        "Digital Signature, Non Repudiation", "1.2.156.10260.4.1.4");
    }

    @Test
    void crlParsesListsTheRevocationAndItsSignatureVerifies() throws Exception {
        IssuedCertificate revoked = issueSeal();
        node.ca().revoke(revoked.serial(), RevocationReason.KEY_COMPROMISE, null);
        HttpResponse<byte[]> response = node.get("/ca/crl");
        write("crl.der", response.body());

        String text = openssl.ok("crl", "-inform", "DER", "-in", "crl.der", "-noout", "-text");
        assertThat(text).contains("Signature Algorithm: SM2-with-SM3", "X509v3 CRL Number",
                "Serial Number: " + revoked.serial().toString(16).toUpperCase(), "Key Compromise");
        X509CRLHolder crl = new X509CRLHolder(response.body());
        write("crl-tbs.der", crl.toASN1Structure().getTBSCertList().getEncoded(ASN1Encoding.DER));
        write("crl-sig.der", crl.toASN1Structure().getSignature().getOctets());
        assertThat(dgstVerify("root-pub.pem", "crl-sig.der", "crl-tbs.der")).contains("Verified OK");
    }

    @Test
    void ocspAnswersGoodThenRevokedToOpensslWithSha1AndSm3CertIds() throws Exception {
        IssuedCertificate seal = issueSeal();
        writePem("subject.pem", seal.certificate());
        String url = node.url("/ca/ocsp").toString();

        for (String hash : new String[]{"-sha1", "-sm3"}) {
            String good = ocsp(url, hash, "good-resp.der");
            assertThat(good).contains("subject.pem: good").doesNotContain("WARNING");
        }
        node.ca().revoke(seal.serial(), RevocationReason.SUPERSEDED, null);
        String revoked = ocsp(url, "-sm3", "revoked-resp.der");
        assertThat(revoked).contains("subject.pem: revoked", "Reason: superseded").doesNotContain("WARNING");

        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(Files.readAllBytes(dir.resolve("revoked-resp.der")))
                .getResponseObject();
        writePem("ocsp-signer.pem", basic.getCerts()[0]);
        assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "ocsp-signer.pem"))
                .contains("ocsp-signer.pem: OK");
        openssl.ok("x509", "-in", "ocsp-signer.pem", "-pubkey", "-noout", "-out", "ocsp-pub.pem");
        write("ocsp-tbs.der", basic.getTBSResponseData());
        write("ocsp-sig.der", basic.getSignature());
        assertThat(dgstVerify("ocsp-pub.pem", "ocsp-sig.der", "ocsp-tbs.der")).contains("Verified OK");
    }

    @Test
    void tsaAnswersAnOpensslQueryWithAVerifiableToken() throws Exception {
        Files.writeString(dir.resolve("data.txt"), "sealed document " + UUID.randomUUID());
        openssl.ok("ts", "-query", "-data", "data.txt", "-sm3", "-cert", "-out", "req.tsq");
        HttpResponse<byte[]> response = node.post("/ca/tsa", "application/timestamp-query",
                Files.readAllBytes(dir.resolve("req.tsq")));
        assertThat(response.statusCode()).isEqualTo(200);
        write("reply.tsr", response.body());

        String reply = openssl.ok("ts", "-reply", "-in", "reply.tsr", "-text");
        String query = openssl.ok("ts", "-query", "-in", "req.tsq", "-text");
        assertThat(reply).contains("Status: Granted.", "Hash Algorithm: sm3");
        assertThat(line(reply, "Nonce:")).isEqualTo(line(query, "Nonce:"));
        assertThat(section(reply, "Message data:")).isEqualTo(section(query, "Message data:"));

        openssl.ok("ts", "-reply", "-in", "reply.tsr", "-token_out", "-out", "token.der");
        SignerInformation signer = new CMSSignedData(Files.readAllBytes(dir.resolve("token.der")))
                .getSignerInfos().getSigners().iterator().next();
        writePem("tsa-cert.pem", node.bean(CaIdentities.class).tsa().certificate());
        assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "tsa-cert.pem"))
                .contains("tsa-cert.pem: OK");
        openssl.ok("x509", "-in", "tsa-cert.pem", "-pubkey", "-noout", "-out", "tsa-pub.pem");
        write("ts-signed-attrs.der", signer.getEncodedSignedAttributes());
        write("ts-sig.der", signer.getSignature());
        assertThat(dgstVerify("tsa-pub.pem", "ts-sig.der", "ts-signed-attrs.der")).contains("Verified OK");
    }

    private static String ocsp(String url, String hash, String respOut) {
        // -noverify: OpenSSL 3.0's OCSP verifier has no distid option; the signature is checked with dgst.
        return openssl.ok("ocsp", hash, "-issuer", "root.pem", "-cert", "subject.pem", "-url", url, "-noverify",
                "-respout", respOut);
    }

    private static String dgstVerify(String publicKey, String signature, String data) {
        return openssl.ok("dgst", "-sm3", "-verify", publicKey, "-sigopt", OpenSsl.DISTID, "-signature", signature,
                data);
    }

    private static IssuedCertificate issueSeal() {
        return node.ca().issueSealCertificate(new SealCertificateRequest("44030012345678", "Contract seal",
                "Shenzhen HRSS", "11440300MB2C12345X", "GD making", TestCerts.newKey(node.device())));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
    }

    /** The indented lines after a heading, as {@code openssl ts -text} prints hex dumps. */
    private static String section(String text, String heading) {
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String l : text.lines().toList()) {
            if (l.startsWith(heading)) {
                in = true;
            } else if (in && l.startsWith("    ")) {
                out.append(l).append('\n');
            } else if (in) {
                break;
            }
        }
        assertThat(out).isNotEmpty();
        return out.toString();
    }

    private static void write(String name, byte[] content) throws Exception {
        Files.write(dir.resolve(name), content);
    }

    private static void writePem(String name, X509CertificateHolder cert) throws Exception {
        StringWriter out = new StringWriter();
        try (PemWriter w = new PemWriter(out)) {
            w.writeObject(new PemObject("CERTIFICATE", cert.getEncoded()));
        }
        Files.writeString(dir.resolve(name), out.toString());
    }
}
