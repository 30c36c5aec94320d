package cn.hrss.seal.evidence;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import java.nio.file.Files;
import java.security.SecureRandom;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** A node for the evidence tests: the CA (for the node key), accounts (the security chain), the log, a soft device. */
@SpringBootConfiguration
@EnableAutoConfiguration
class EvidenceTestApp {
    /** The federation needs the node's message signer; this test node signs with its CA's node key. */
    @Bean
    cn.hrss.seal.core.message.MessageSigner messageSigner(cn.hrss.seal.core.device.CipherDevice device,
                                                          cn.hrss.seal.ca.api.CertificateAuthority ca) {
        return cn.hrss.seal.core.message.MessageSigner.of(device, ca.nodeKey(), ca.nodeCertificate(),
                java.time.Clock.systemUTC());
    }

    /** The test node's properties on a database: no scheduler (tests checkpoint themselves), the log alone. */
    static java.util.Map<String, Object> properties(cn.hrss.seal.testsupport.TestDatabase db) {
        java.util.Map<String, Object> p = new java.util.LinkedHashMap<>();
        p.put("server.port", "0");
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("spring.flyway.out-of-order", "true");
        p.put("seal.evidence.checkpoint-scheduler", "false");
        // only seal-application's event is used here, not its subsystem
        p.put("seal.application.enabled", "false");
        p.put("seal.service-mgmt.base-url", "http://127.0.0.1:1");
        p.put("seal.service-mgmt.enabled", "false");
        return p;
    }

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() throws Exception {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        return new SoftCipherDevice(Files.createTempDirectory("evidence").resolve("keys.sealed"), master,
                "evidence-test".toCharArray());
    }
}
