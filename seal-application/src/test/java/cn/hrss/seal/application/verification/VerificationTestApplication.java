package cn.hrss.seal.application.verification;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node for verification tests: the real CA (TSA, OCSP), seal status, accounts security chain and seal application
 * over a fresh soft cipher device; seal making is off (tests make their seals directly with the CA and the device).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class VerificationTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        try {
            Path dir = Files.createTempDirectory("verification-device");
            dir.toFile().deleteOnExit();
            SecureRandom random = new SecureRandom();
            byte[] masterKey = new byte[16];
            random.nextBytes(masterKey);
            byte[] password = new byte[12];
            random.nextBytes(password);
            return new SoftCipherDevice(dir.resolve("keys.sealed"), masterKey,
                    HexFormat.of().formatHex(password).toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
