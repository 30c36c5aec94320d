package cn.hrss.seal.console;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A node as the console meets it: accounts, audit, seal making with the real CA and seal status, all
 * auto-configured, and a soft cipher device in a fresh temp directory with a random master key and password.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ConsoleTestApplication {

    @Bean(destroyMethod = "close")
    SoftCipherDevice cipherDevice() throws IOException {
        Path dir = Files.createTempDirectory("console-device");
        dir.toFile().deleteOnExit();
        SecureRandom random = new SecureRandom();
        byte[] masterKey = new byte[16];
        random.nextBytes(masterKey);
        byte[] password = new byte[12];
        random.nextBytes(password);
        Path file = dir.resolve("keys.sealed");
        file.toFile().deleteOnExit();
        return new SoftCipherDevice(file, masterKey, HexFormat.of().formatHex(password).toCharArray());
    }
}
