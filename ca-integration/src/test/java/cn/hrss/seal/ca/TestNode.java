package cn.hrss.seal.ca;

import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.testsupport.TestDatabase;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node for tests: a Spring Boot application with this module's auto-configuration on a random port, its own
 * database and a soft cipher device whose key file lives in a temp directory. Stopping and starting again on
 * the same {@link Keys} and database is a restart.
 */
public final class TestNode implements AutoCloseable {
    private final ConfigurableApplicationContext context;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Where a node's soft device keeps its keys; survives restarts. */
    public record Keys(Path file, byte[] masterKey, char[] password) {
        public static Keys in(Path dir) {
            byte[] master = new byte[16];
            new SecureRandom().nextBytes(master);
            return new Keys(dir.resolve("keys.sealed"), master, "test-password".toCharArray());
        }
    }

    public static TestNode start(TestDatabase db, Keys keys, Map<String, String> extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("server.port", "0");
        props.put("server.address", "127.0.0.1");
        props.put("spring.main.banner-mode", "off");
        props.put("mybatis-plus.global-config.banner", "false");
        props.put("spring.datasource.url", db.url());
        props.put("spring.datasource.username", db.user());
        props.put("spring.datasource.password", db.password());
        props.put("spring.flyway.out-of-order", "true");
        props.put("test.device.file", keys.file().toString());
        props.putAll(extra);
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(App.class)
                .properties(props)
                .initializers(c -> c.getBeanFactory().registerSingleton("testKeys", keys))
                .run();
        return new TestNode(ctx);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    public CertificateAuthority ca() {
        return context.getBean(CertificateAuthority.class);
    }

    public CipherDevice device() {
        return context.getBean(CipherDevice.class);
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(url(path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(url(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** The node application: auto-configuration plus the cipher device a real node would provide. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean(destroyMethod = "close")
        CipherDevice cipherDevice(Keys testKeys, Environment env) {
            return new SoftCipherDevice(Path.of(env.getRequiredProperty("test.device.file")), testKeys.masterKey(),
                    testKeys.password());
        }

        @Bean
        MutableClock clock() {
            return MutableClock.ofSystem();
        }

        @Bean
        RevocationEvents revocationEvents() {
            return new RevocationEvents();
        }
    }
}
