package cn.hrss.seal.contract;

import cn.hrss.seal.application.testing.TestDevices;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.MessageSigner;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A node for the contract tests, auto-configured as in the node: accounts, audit, CA with TSA, seal status, seal
 * making, seal application (reviewed sign requests), the evidence log and contracts, on a throw-away soft device.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ContractTestApp {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        return TestDevices.soft("contract-device");
    }

    /** The federation (on the class path through the evidence log) needs the node's message signer. */
    @Bean
    MessageSigner messageSigner(CipherDevice device, CertificateAuthority ca) {
        return MessageSigner.of(device, ca.nodeKey(), ca.nodeCertificate(), Clock.systemUTC());
    }
}
