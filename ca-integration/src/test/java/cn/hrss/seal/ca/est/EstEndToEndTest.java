package cn.hrss.seal.ca.est;

import cn.hrss.seal.ca.TestCerts;
import cn.hrss.seal.ca.TestNode;
import cn.hrss.seal.ca.api.CaObjectIdentifiers;
import cn.hrss.seal.ca.api.CertificationRequests;
import cn.hrss.seal.ca.api.ExternalCaClient;
import cn.hrss.seal.ca.api.SystemCertificateRequest;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.testsupport.TestDatabase;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * EST between two nodes, each with its own database and soft device: node A is the CA serving EST, node B
 * enrols a system certificate from A through its {@link ExternalCaClient}.
 */
class EstEndToEndTest {
    private static final String USER = "province-gd";
    private static final String PASSWORD = "enrol-secret-1";

    @TempDir
    static Path dir;
    static TestDatabase dbA;
    static TestDatabase dbB;
    static TestNode caNode;
    static TestNode client;

    @BeforeAll
    static void start() throws Exception {
        dbA = TestDatabase.h2();
        dbB = TestDatabase.h2();
        caNode = TestNode.start(dbA, TestNode.Keys.in(Files.createDirectory(dir.resolve("a"))), Map.of(
                "seal.ca.root-subject", "C=CN, O=MOHRSS, CN=Ministry Seal Root",
                "seal.ca.est.username", USER, "seal.ca.est.password", PASSWORD));
        client = TestNode.start(dbB, TestNode.Keys.in(Files.createDirectory(dir.resolve("b"))), Map.of(
                "seal.tier", "PROVINCE", "seal.region-code", "440000",
                "seal.ca.external.est.base-url", "http://127.0.0.1:" + caNode.port(),
                "seal.ca.external.est.username", USER, "seal.ca.external.est.password", PASSWORD));
    }

    @AfterAll
    static void stop() {
        client.close();
        caNode.close();
        dbB.close();
        dbA.close();
    }

    @Test
    void nodeEnrolsASystemCertificateThatChainsToTheOtherNodesRoot() throws Exception {
        ExternalCaClient est = client.bean(ExternalCaClient.class);
        KeyRef key = client.device().generateKeyPair("est-enrolled-system");
        Sm2PublicKey publicKey = client.device().exportSignPublicKey(key);
        PKCS10CertificationRequest csr = CertificationRequests.forSystem(client.device(), key,
                new SystemCertificateRequest("Guangdong status", "Guangdong HRSS", Tier.PROVINCE,
                        AdministrativeRegionCode.parse("440000"), publicKey));

        X509CertificateHolder issued = est.enroll(csr);
        X509CertificateHolder root = est.caCertificates().get(0);

        assertThat(root).isEqualTo(caNode.ca().rootCertificate());
        assertThat(root).isNotEqualTo(client.ca().rootCertificate());
        TestCerts.validatePath(issued, root);
        assertThat(Sm2PublicKey.fromSubjectPublicKeyInfo(issued.getSubjectPublicKeyInfo())).isEqualTo(publicKey);
        SystemIdentity identity = SystemIdentity.getInstance(
                issued.getExtension(CaObjectIdentifiers.SYSTEM_IDENTITY).getParsedValue());
        assertThat(identity.tier()).isEqualTo(Tier.PROVINCE);
        assertThat(identity.region().value()).isEqualTo("440000");
        assertThat(caNode.ca().find(issued.getSerialNumber())).isPresent();
    }

    @Test
    void cacertsIsABase64CertsOnlyMessage() {
        HttpResponse<byte[]> response = caNode.get("/.well-known/est/cacerts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/pkcs7-mime"));
        assertThat(CertsOnly.decode(response.body())).containsExactly(caNode.ca().rootCertificate());
    }

    @Test
    void wrongCredentialIsRefused() throws Exception {
        EstClient wrong = new EstClient(HttpClient.newHttpClient(), new EstClientProperties(
                URI.create("http://127.0.0.1:" + caNode.port()), USER, "not-the-password", Duration.ofSeconds(10)));
        KeyRef key = client.device().generateKeyPair("est-refused");

        assertThatThrownBy(() -> wrong.enroll(csr(key)))
                .isInstanceOfSatisfying(SealException.class, e -> {
                    assertThat(e.code()).isEqualTo("EXTERNAL_CA_REJECTED");
                    assertThat(e.details()).containsEntry("httpStatus", 401);
                });
        HttpResponse<byte[]> raw = enrolRaw("Basic " + Base64.getEncoder().encodeToString(
                (USER + ":nope").getBytes(StandardCharsets.UTF_8)), new byte[]{1});
        assertThat(raw.statusCode()).isEqualTo(401);
        assertThat(raw.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                v -> assertThat(v).startsWith("Basic"));
        assertThat(enrolRaw(null, new byte[]{1}).statusCode()).isEqualTo(401);
    }

    @Test
    void badRequestsAreRejectedWithEstBadRequest() throws Exception {
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                (USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        KeyRef key = client.device().generateKeyPair("est-bad");
        PKCS10CertificationRequest noIdentity = new PKCS10CertificationRequestBuilder(new X500Name("CN=x"),
                client.device().exportSignPublicKey(key).toSubjectPublicKeyInfo())
                .build(DeviceContentSigner.create(client.device(), key));
        byte[] valid = csr(key).getEncoded();
        byte[] tampered = valid.clone();
        tampered[tampered.length - 10] ^= 0x01; // inside the signature

        for (byte[] der : new byte[][]{"garbage".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(valid, valid.length / 2), noIdentity.getEncoded(), tampered}) {
            HttpResponse<byte[]> response = enrolRaw(auth, Base64.getMimeEncoder().encode(der));
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("\"EST_BAD_REQUEST\"");
        }
        assertThat(enrolRaw(auth, "!!!not base64!!!".getBytes(StandardCharsets.US_ASCII)).statusCode())
                .isEqualTo(400);
    }

    @Test
    void unreachableCaIsReportedAsUnavailable() {
        EstClient nowhere = new EstClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(),
                new EstClientProperties(URI.create("http://127.0.0.1:1"), USER, PASSWORD, Duration.ofSeconds(2)));

        assertThatThrownBy(nowhere::caCertificates).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("EXTERNAL_CA_UNAVAILABLE"));
    }

    private static PKCS10CertificationRequest csr(KeyRef key) {
        return CertificationRequests.forSystem(client.device(), key, new SystemCertificateRequest("sys", "org",
                Tier.CITY, AdministrativeRegionCode.parse("440300"), client.device().exportSignPublicKey(key)));
    }

    private static HttpResponse<byte[]> enrolRaw(String authorization, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(caNode.url("/.well-known/est/simpleenroll"))
                .header("Content-Type", "application/pkcs10")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return caNode.send(b.build());
    }
}
