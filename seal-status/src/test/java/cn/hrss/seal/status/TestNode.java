package cn.hrss.seal.status;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The smallest application the status module runs in: auto-configuration, a soft cipher device holding the
 * {@code node-system} key (as the CA module leaves it on a node) and a clock tests can move.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class TestNode {
    public static final String SIGNER_LABEL = "node-system";

    @Bean(destroyMethod = "close")
    CipherDevice cipherDevice() throws IOException {
        Path dir = Files.createTempDirectory("seal-status-test");
        dir.toFile().deleteOnExit();
        byte[] masterKey = new byte[16];
        new SecureRandom().nextBytes(masterKey);
        SoftCipherDevice device = new SoftCipherDevice(dir.resolve("keys.sealed"), masterKey,
                "test-password".toCharArray());
        device.generateKeyPair(SIGNER_LABEL);
        dir.resolve("keys.sealed").toFile().deleteOnExit();
        return device;
    }

    @Bean
    MutableClock clock() {
        return new MutableClock(Clock.systemUTC());
    }

    /** Points the node at a test database and keeps the background jobs from racing the tests. */
    public static void use(TestDatabase db, DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", db::url);
        registry.add("spring.datasource.username", db::user);
        registry.add("spring.datasource.password", db::password);
        registry.add("seal.status.srl.debounce", () -> "PT0.2S");
        registry.add("seal.status.expiry.interval", () -> "PT1H");
    }

    static Path tempFile(String name) {
        try {
            Path p = Files.createTempFile("seal-status-", name);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
