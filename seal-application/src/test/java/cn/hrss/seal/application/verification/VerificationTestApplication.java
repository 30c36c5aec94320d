package cn.hrss.seal.application.verification;

import cn.hrss.seal.application.testing.TestDevices;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;


/**
 * A node for verification tests: the real CA (TSA, OCSP), seal status, accounts security chain and seal application
 * over a fresh soft cipher device; seal making is off (tests make their seals directly with the CA and the device).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class VerificationTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        return TestDevices.soft("verification-device");
    }
}
