package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import cn.hrss.seal.ca.api.SealCertificateRequest;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.core.identity.UnifiedCreditCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.util.BigIntegers;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our certificates, CRL, OCSP responses and time stamps checked by the OpenSSL 3 command line (docs/INTEROP.md
 * has the same commands). OpenSSL 3.0 applies the SM2 default user ID only where it accepts a {@code distid}
 * option: {@code verify -vfyopt} and {@code dgst -sigopt}. Its CRL, OCSP and TS verifiers take none and check SM2
 * signatures with an empty ID, so there the signed bytes are cut out with {@code asn1parse} and checked with
 * {@code dgst}; everything else (parsing, status, nonce, imprint, chain) is OpenSSL's own verdict. No
 * BouncyCastle is involved in any check here.
 */
class OpenSslInteropTest {
    private static final String EST_PASSWORD = "interop-enrolment";

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
        node = TestNode.start(db, TestNode.Keys.in(keys), Map.of("seal.ca.est.password", EST_PASSWORD));
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
                "Serial Number: " + HexFormat.of().withUpperCase().formatHex(
                        BigIntegers.asUnsignedByteArray(revoked.serial())), "Key Compromise");
        extractTbsAndSignature("crl.der", "crl-tbs.der", "crl-sig.der");
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

        String respText = openssl.ok("ocsp", "-respin", "revoked-resp.der", "-noverify", "-resp_text");
        Files.writeString(dir.resolve("ocsp-signer.pem"), respText.substring(
                respText.indexOf("-----BEGIN CERTIFICATE-----"), respText.indexOf("-----END CERTIFICATE-----") + 25));
        assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "ocsp-signer.pem"))
                .contains("ocsp-signer.pem: OK");
        openssl.ok("x509", "-in", "ocsp-signer.pem", "-pubkey", "-noout", "-out", "ocsp-pub.pem");
        openssl.ok("asn1parse", "-inform", "DER", "-in", "revoked-resp.der",
                "-strparse", String.valueOf(offset("revoked-resp.der", l -> l.contains("OCTET STRING"))),
                "-noout", "-out", "basic.der");
        extractTbsAndSignature("basic.der", "ocsp-tbs.der", "ocsp-sig.der");
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
        openssl.ok("pkcs7", "-inform", "DER", "-in", "token.der", "-print_certs", "-out", "tsa-cert.pem");
        assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "tsa-cert.pem"))
                .contains("tsa-cert.pem: OK");
        openssl.ok("x509", "-in", "tsa-cert.pem", "-pubkey", "-noout", "-out", "tsa-pub.pem");
        extractSignedAttributesAndSignature("token.der", "ts-signed-attrs.der", "ts-sig.der");
        assertThat(dgstVerify("tsa-pub.pem", "ts-sig.der", "ts-signed-attrs.der")).contains("Verified OK");
    }

    @Test
    void estEnrolsAnOpensslMadeRequest() throws Exception {
        openssl.ok("genpkey", "-algorithm", "SM2", "-out", "client.key");
        // SystemIdentity { city(3), "440300" } as the extension request; PoP signed with the default SM2 ID
        openssl.ok("req", "-new", "-key", "client.key", "-sm3", "-sigopt", OpenSsl.DISTID,
                "-subj", "/C=CN/O=Shenzhen HRSS/CN=Shenzhen making", "-addext",
                CaObjectIdentifiers.SYSTEM_IDENTITY.getId() + "=DER:300b0a01031306343430333030",
                "-outform", "DER", "-out", "client.csr");
        HttpResponse<byte[]> response = enrol("client.csr");
        assertThat(response.statusCode()).isEqualTo(200);
        write("enrolled.b64", response.body());

        openssl.ok("base64", "-d", "-in", "enrolled.b64", "-out", "enrolled.p7");
        openssl.ok("pkcs7", "-inform", "DER", "-in", "enrolled.p7", "-print_certs", "-out", "enrolled.pem");
        assertThat(openssl.ok("verify", "-vfyopt", OpenSsl.DISTID, "-CAfile", "root.pem", "enrolled.pem"))
                .contains("enrolled.pem: OK");
        assertThat(openssl.ok("x509", "-in", "enrolled.pem", "-noout", "-subject"))
                .contains("L = 440300", "OU = CITY", "CN = Shenzhen making");
        openssl.ok("pkey", "-in", "client.key", "-pubout", "-out", "client-pub.pem");
        assertThat(openssl.ok("x509", "-in", "enrolled.pem", "-noout", "-pubkey"))
                .isEqualTo(Files.readString(dir.resolve("client-pub.pem")));

        // OpenSSL's own default (empty user ID) does not prove possession under GM/T 0009
        openssl.ok("req", "-new", "-key", "client.key", "-sm3", "-subj", "/CN=no distid", "-addext",
                CaObjectIdentifiers.SYSTEM_IDENTITY.getId() + "=DER:300b0a01031306343430333030",
                "-outform", "DER", "-out", "empty-id.csr");
        HttpResponse<byte[]> rejected = enrol("empty-id.csr");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(new String(rejected.body(), StandardCharsets.UTF_8)).contains("EST_BAD_REQUEST");
    }

    private static HttpResponse<byte[]> enrol(String csrFile) throws Exception {
        return node.send(HttpRequest.newBuilder(node.url("/.well-known/est/simpleenroll"))
                .header("Content-Type", "application/pkcs10")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("est:" + EST_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(
                        Base64.getMimeEncoder().encode(Files.readAllBytes(dir.resolve(csrFile)))))
                .build());
    }

    private static String ocsp(String url, String hash, String respOut) {
        // -noverify: OpenSSL 3.0's OCSP verifier has no distid option; the signature is checked with dgst.
        return openssl.ok("ocsp", hash, "-issuer", "root.pem", "-cert", "subject.pem", "-url", url, "-noverify",
                "-respout", respOut);
    }

    /**
     * The signed part (first element) and the signature (BIT STRING at depth 1) of a CRL or BasicOCSPResponse,
     * located with {@code asn1parse} and cut out with {@code -strparse}, as in docs/INTEROP.md.
     */
    private static void extractTbsAndSignature(String der, String tbsOut, String sigOut) {
        int tbs = offset(der, l -> l.contains(":d=1 "));
        int sig = offset(der, l -> l.contains(":d=1 ") && l.contains("BIT STRING"));
        openssl.ok("asn1parse", "-inform", "DER", "-in", der, "-strparse", String.valueOf(tbs), "-noout",
                "-out", tbsOut);
        openssl.ok("asn1parse", "-inform", "DER", "-in", der, "-strparse", String.valueOf(sig), "-noout",
                "-out", sigOut);
    }

    /**
     * A time-stamp token's signed attributes re-tagged as SET (what the signature covers, RFC 5652 5.4) and the
     * signature: the {@code [0]} and the last OCTET STRING at depth 5 of the asn1parse listing.
     */
    private static void extractSignedAttributesAndSignature(String token, String attrsOut, String sigOut)
            throws Exception {
        String attrs = openssl.ok("asn1parse", "-inform", "DER", "-in", token).lines()
                .filter(l -> l.contains(":d=5 ") && l.contains("cont [ 0 ]")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("^\\s*(\\d+):d=5\\s+hl=(\\d+)\\s+l=\\s*(\\d+)").matcher(attrs);
        assertThat(m.find()).isTrue();
        int off = Integer.parseInt(m.group(1));
        int length = Integer.parseInt(m.group(2)) + Integer.parseInt(m.group(3));
        byte[] bytes = Arrays.copyOfRange(Files.readAllBytes(dir.resolve(token)), off, off + length);
        bytes[0] = 0x31;
        write(attrsOut, bytes);
        List<String> lines = openssl.ok("asn1parse", "-inform", "DER", "-in", token).lines()
                .filter(l -> l.contains(":d=5 ") && l.contains("OCTET STRING")).toList();
        String sig = lines.get(lines.size() - 1);
        openssl.ok("asn1parse", "-inform", "DER", "-in", token, "-strparse", sig.substring(0, sig.indexOf(':')).trim(),
                "-noout", "-out", sigOut);
    }

    /** Offset of the first line of {@code openssl asn1parse} output that matches. */
    private static int offset(String der, Predicate<String> line) {
        String match = openssl.ok("asn1parse", "-inform", "DER", "-in", der).lines().filter(line).findFirst()
                .orElseThrow(() -> new AssertionError("no matching element in " + der));
        return Integer.parseInt(match.substring(0, match.indexOf(':')).trim());
    }

    private static String dgstVerify(String publicKey, String signature, String data) {
        return openssl.ok("dgst", "-sm3", "-verify", publicKey, "-sigopt", OpenSsl.DISTID, "-signature", signature,
                data);
    }

    private static IssuedCertificate issueSeal() {
        return node.ca().issueSealCertificate(new SealCertificateRequest("44030012345678", "Contract seal",
                "Shenzhen HRSS", UnifiedCreditCode.parse("11440300MB2C12348B"), "GD making",
                TestCerts.newKey(node.device())));
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
