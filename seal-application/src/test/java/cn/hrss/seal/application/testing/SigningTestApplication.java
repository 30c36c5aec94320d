package cn.hrss.seal.application.testing;

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
 * A node for the signing tests: accounts (real bearer tokens), audit, CA with TSA, seal status, seal making and seal
 * application, all auto-configured as in the node, on a throw-away soft cipher device.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class SigningTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() {
        try {
            Path dir = Files.createTempDirectory("signing-device");
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
