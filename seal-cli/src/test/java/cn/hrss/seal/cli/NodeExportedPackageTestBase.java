package cn.hrss.seal.cli;

import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.making.adapter.AuditTrailLog;
import cn.hrss.seal.making.adapter.CaSealCertificates;
import cn.hrss.seal.making.adapter.StatusServicePublisher;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.testsupport.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static cn.hrss.seal.testsupport.TestIdentifiers.creditCode;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole decentralised path against a real node (seal making, CA, seal status): a USBKey seal is applied
 * for with the holder's public key, reviewed and made; the package is downloaded from
 * {@code GET /api/v1/seals/{esId}/package}; the CLI signs with it and the holder key, verifies offline against the
 * node's root and online against the node's signed status, and sees the seal's cancellation.
 */
@SpringBootTest(classes = NodeExportedPackageTestBase.Node.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"seal.making.expiry.enabled=false", "spring.autoconfigure.exclude="
                + "cn.hrss.seal.accounts.AccountsAutoConfiguration,"
                + "cn.hrss.seal.application.SealApplicationAutoConfiguration"})
abstract class NodeExportedPackageTestBase {
    @TempDir Path dir;
    @LocalServerPort int port;
    @Autowired CertificateAuthority ca;
    @Autowired MutableClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    static void database(DynamicPropertyRegistry r, TestDatabase db) {
        r.add("spring.datasource.url", db::url);
        r.add("spring.datasource.username", db::user);
        r.add("spring.datasource.password", db::password);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @EnableMethodSecurity
    static class Node {
        @Bean(destroyMethod = "close")
        SoftCipherDevice cipherDevice() throws IOException {
            Path file = Files.createTempDirectory("seal-cli-node").resolve("keys.sealed");
            byte[] master = new byte[16];
            new SecureRandom().nextBytes(master);
            return new SoftCipherDevice(file, master, "node-test".toCharArray());
        }

        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now());
        }

        @Bean
        CaSealCertificates sealCertificates(CertificateAuthority ca) {
            return new CaSealCertificates(ca, "seal-cli test making system");
        }

        @Bean
        StatusServicePublisher sealStatusPublisher(SealStatusService status) {
            return new StatusServicePublisher(status);
        }

        @Bean
        AuditTrailLog auditLog(AuditTrail trail) {
            return new AuditTrailLog(trail);
        }

        @Bean
        InMemoryUserDetailsManager users() {
            return new InMemoryUserDetailsManager(
                    User.withUsername("operator").password("{noop}op-pw").roles("SEAL_OPERATOR").build(),
                    User.withUsername("reviewer").password("{noop}rv-pw").roles("SEAL_REVIEWER").build());
        }

        /** Like the node: status and CA publications are public, the rest needs a login. */
        @Bean
        SecurityFilterChain api(HttpSecurity http) throws Exception {
            return http.csrf(AbstractHttpConfigurer::disable)
                    .authorizeHttpRequests(a -> a.requestMatchers("/api/v1/seal-status/**", "/ca/**").permitAll()
                            .anyRequest().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .build();
        }
    }

    @Test
    void packageExportedByTheNodeSignsOfflineAndVerifiesOnline() throws Exception {
        BigInteger holder = CliTestPki.newKey();
        Path holderKey = CliTestPki.writeHolderKey(dir.resolve("holder.pem"), holder);
        String esId = makeUsbKeySeal(holder);
        // the node's clock (and so its TSA) stands still: move it past the seal's registration
        clock.advance(java.time.Duration.ofSeconds(5));

        HttpResponse<byte[]> download = send("GET", "/api/v1/seals/" + esId + "/package", "operator:op-pw", null);
        assertThat(download.statusCode()).isEqualTo(200);
        Path sealPackage = Files.write(dir.resolve(esId + ".sealpkg"), download.body());
        Path root = Files.writeString(dir.resolve("root.pem"), CliTestPki.pem(ca.rootCertificate()));
        Path data = Files.writeString(dir.resolve("payroll.csv"), "name,amount\nzhang,12000\n");
        Path signature = dir.resolve("payroll.ses");
        String node = "http://127.0.0.1:" + port;

        SealCliTest.Run inspect = SealCliTest.run("package", "inspect", "--holder-key", holderKey.toString(),
                sealPackage.toString());
        assertThat(inspect.exit()).as(inspect.err()).isZero();
        assertThat(inspect.out()).contains(esId, "HRSS Seal Root CA", "opens the envelope");

        SealCliTest.Run sign = SealCliTest.run("sign", "data", "--package", sealPackage.toString(), "--holder-key",
                holderKey.toString(), "--tsa", node + "/ca/tsa", "--out", signature.toString(), data.toString());
        assertThat(sign.exit()).as(sign.err()).isZero();
        Path pdf = Files.write(dir.resolve("contract.pdf"), SealCliTest.pdfBytes());
        Path signedPdf = dir.resolve("contract-signed.pdf");
        SealCliTest.Run signPdf = SealCliTest.run("sign", "pdf", "--package", sealPackage.toString(),
                "--holder-key", holderKey.toString(), "--tsa", node + "/ca/tsa", "--keyword", "Party A", "--out",
                signedPdf.toString(), pdf.toString());
        assertThat(signPdf.exit()).as(signPdf.err()).isZero();

        SealCliTest.Run offline = SealCliTest.run("verify", "--trust", root.toString(), "--data", data.toString(),
                signature.toString());
        assertThat(offline.exit()).as(offline.out()).isZero();
        SealCliTest.Run online = SealCliTest.run("verify", "--trust", root.toString(), "--status-url", node,
                signedPdf.toString());
        assertThat(online.exit()).as(online.out()).isZero();
        assertThat(online.out()).contains("SEAL_STATUS", "VALID at the time-stamped signing time", "(OCSP");

        clock.advance(java.time.Duration.ofSeconds(5));
        HttpResponse<byte[]> cancel = send("POST", "/api/v1/seals/" + esId + "/cancel", "operator:op-pw",
                Map.of("reason", "unit dissolved"));
        assertThat(cancel.statusCode()).as(new String(cancel.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        // the signature predates the cancellation: still valid at its time-stamped signing time
        SealCliTest.Run afterCancel = SealCliTest.run("verify", "--trust", root.toString(), "--status-url", node,
                signedPdf.toString());
        assertThat(afterCancel.exit()).as(afterCancel.out()).isZero();
        assertThat(afterCancel.out()).contains("STATUS_CHANGED_AFTER_SIGNING");
        clock.advance(java.time.Duration.ofSeconds(5));
        SealCliTest.Run late = SealCliTest.run("sign", "data", "--package", sealPackage.toString(), "--holder-key",
                holderKey.toString(), "--tsa", node + "/ca/tsa", "--out", signature.toString(), data.toString());
        assertThat(late.exit()).as(late.err()).isZero();
        SealCliTest.Run revoked = SealCliTest.run("verify", "--trust", root.toString(), "--status-url", node,
                "--data", data.toString(), signature.toString());
        assertThat(revoked.exit()).as(revoked.out()).isEqualTo(1);
        assertThat(revoked.out()).contains("SEAL_REVOKED");

        Path wrongKey = CliTestPki.writeHolderKey(dir.resolve("wrong.pem"), CliTestPki.newKey());
        SealCliTest.Run wrong = SealCliTest.run("package", "inspect", "--holder-key", wrongKey.toString(),
                sealPackage.toString());
        assertThat(wrong.exit()).isEqualTo(65);
    }

    private String makeUsbKeySeal(BigInteger holder) throws Exception {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("unitCreditCode", creditCode("110105"));
        a.put("unitRegionCode", "110105");
        a.put("unitType", "ADMINISTRATIVE_ORGAN");
        a.put("unitName", "北京市朝阳区人力资源和社会保障局");
        a.put("unitAddress", "北京市朝阳区工体东路");
        a.put("agentName", "张三");
        a.put("agentIdNumber", "11010519491231002X");
        a.put("agentPhone", "13912345678");
        a.put("approverUnitName", "北京市人力资源和社会保障局");
        a.put("approverRegionCode", "110000");
        a.put("sealName", "业务专用章");
        a.put("sealType", "99");
        a.put("scope", "INDUSTRY");
        a.put("validityDays", 365);
        a.put("delivery", "USBKEY");
        a.put("holderPublicKey", Base64.getEncoder().encodeToString(CliTestPki.publicKey(holder).uncompressed()));
        String id = body(send("POST", "/api/v1/seal-applications", "operator:op-pw", a)).get("id").asText();
        body(send("POST", "/api/v1/seal-applications/" + id + "/approve", "reviewer:rv-pw",
                Map.of("opinion", "同意")));
        return body(send("POST", "/api/v1/seal-applications/" + id + "/make", "operator:op-pw", null))
                .get("esId").asText();
    }

    private JsonNode body(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isLessThan(300);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> send(String method, String path, String login, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        login.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
