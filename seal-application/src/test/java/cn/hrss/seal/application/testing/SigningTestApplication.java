package cn.hrss.seal.application.testing;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;


/**
 * A node for the signing tests: accounts (real bearer tokens), audit, CA with TSA, seal status, seal making and seal
 * application, all auto-configured as in the node, on a throw-away soft cipher device.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SigningTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        return TestDevices.soft("signing-device");
    }
}
