package cn.hrss.seal.bench.status;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.status.api.SealStatusService;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * The seal-status module running in this JVM, as on a node but without the web server: its auto-configuration over
 * a Hikari pool on the benchmark database, with a soft cipher device holding the signer key.
 */
final class StatusNode implements AutoCloseable {
    /** The bean name of the module's (package-private) revocation list publisher. */
    private static final String PUBLISHER_BEAN = "sealRevocationListPublisher";

    private final ConfigurableApplicationContext context;

    private StatusNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the module on the database. {@code settings} are extra {@code key=value} properties, e.g. the cache
     * configuration; the background jobs are spaced out so they do not run during measurements (the expiry job
     * finds nothing to do on a {@link SealTable}, and a list is published once before the benchmarks start).
     */
    static StatusNode start(BenchDatabase db, String... settings) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "spring.main.banner-mode=off",
                "mybatis-plus.global-config.banner=false",
                "seal.status.signer.generate-if-missing=true",
                "seal.status.srl.validity=P7D",
                "seal.status.srl.check-interval=P1D",
                "seal.status.expiry.interval=P1D",
                // seal-application is on the class path as a library for its own benchmarks, not as a module here
                "seal.application.enabled=false"));
        properties.addAll(List.of(settings));
        return new StatusNode(new SpringApplicationBuilder(Application.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run());
    }

    SealStatusService statuses() {
        return context.getBean(SealStatusService.class);
    }

    DataSource dataSource() {
        return context.getBean(DataSource.class);
    }

    /**
     * Publishes a revocation list now, as the module's scheduler does. The module has no public API for this, so
     * the publisher's {@code publish()} is called reflectively; the list's size is read back from the database.
     */
    void publishRevocationList() {
        Object publisher = context.getBean(PUBLISHER_BEAN);
        try {
            Method publish = publisher.getClass().getDeclaredMethod("publish");
            publish.setAccessible(true);
            publish.invoke(publisher);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("seal-status changed: no publish() on " + PUBLISHER_BEAN, e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {

        /** A fresh soft device in a temporary directory; the module generates its signer key in it. */
        @Bean(destroyMethod = "close")
        CipherDevice cipherDevice() {
            try {
                Path dir = Files.createTempDirectory("seal-bench-status");
                Path keys = dir.resolve("keys.sealed");
                keys.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                byte[] masterKey = new byte[16];
                new SecureRandom().nextBytes(masterKey);
                return new SoftCipherDevice(keys, masterKey, "bench-password".toCharArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
