package cn.hrss.seal.accesstest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite against a system that does not follow the protocol: it publishes a certificate but answers every message
 * 200 without a signature. (Conformant targets are the real nodes of the federated-nodes and demo tests.) The report
 * says which cases failed and why, and renders as a PDF.
 */
class AccessTestSuiteTest {
    @TempDir
    Path dir;

    private HttpServer careless;
    private SoftCipherDevice device;

    @BeforeEach
    void start() throws Exception {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        device = new SoftCipherDevice(dir.resolve("tester.ks"), master, "tester".toCharArray());
        String pem = "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                certificate(device.generateKeyPair("careless"), "CN=careless").getEncoded()) + "\n-----END CERTIFICATE-----\n";
        careless = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        careless.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            byte[] body = (path.equals("/ca/node.pem") ? pem : "{\"status\":\"VALID\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        careless.start();
    }

    @AfterEach
    void stop() {
        careless.stop(0);
        device.close();
    }

    @Test
    void aTargetThatAnswersWithoutSignaturesFailsAndTheReportSaysWhere() throws Exception {
        KeyRef tester = device.generateKeyPair("tester");
        AccessTestSuite suite = new AccessTestSuite(HttpClient.newHttpClient(), device, tester,
                certificate(tester, "CN=tester"), Clock.systemUTC(), () -> AccessTestAutoConfiguration.stranger(
                Clock.systemUTC()));

        AccessTestResult result = suite.run(URI.create("http://127.0.0.1:" + careless.getAddress().getPort()));

        assertThat(result.verdict()).isEqualTo(AccessTestResult.Verdict.FAILED);
        assertThat(result.cases()).hasSize(15);
        assertThat(result.failedCases()).contains("C02", "C03", "C05", "C06", "C07", "C08", "C09", "C10", "C11",
                "C12", "C13", "C14", "C15").doesNotContain("C01");
        assertThat(result.cases()).filteredOn(c -> c.id().equals("C06")).singleElement()
                .satisfies(c -> assertThat(c.observed()).contains("200", "NOT signed by the node's system key"));

        String text = new PDFTextStripper().getText(Loader.loadPDF(AccessTestPdf.render(result, "ab".repeat(32))));
        assertThat(text).contains("FAILED", "C06", "NOT signed", "接入测试");
    }

    private X509CertificateHolder certificate(KeyRef key, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        return new X509v3CertificateBuilder(name, BigInteger.ONE, Date.from(now.minusSeconds(60)),
                Date.from(now.plusSeconds(3600)), name, device.exportSignPublicKey(key).toSubjectPublicKeyInfo())
                .build(DeviceContentSigner.create(device, key));
    }
}
