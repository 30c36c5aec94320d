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

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() throws Exception {
        byte[] master = new byte[16];
        new SecureRandom().nextBytes(master);
        return new SoftCipherDevice(Files.createTempDirectory("evidence").resolve("keys.sealed"), master,
                "evidence-test".toCharArray());
    }
}
