package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.message.MessageFixtures;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.testsupport.TestDatabase;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** A node for tests: an identity in a cipher device, and Spring contexts (sender or receiver) started on demand. */
final class TestNode {
    static final String PARENT = "parent";

    final String name;
    final MessageSigner signer;
    final X509CertificateHolder certificate;

    TestNode(String name, CipherDevice device, Clock clock) {
        this.name = name;
        KeyRef key = device.generateKeyPair(name + "-system-" + System.nanoTime());
        this.certificate = MessageFixtures.certificate(device, key, "CN=" + name + ",O=Test,C=CN");
        this.signer = MessageSigner.of(device, key, certificate, clock);
    }

    TrustedSigner trusted() {
        return TrustedSigner.of(certificate, false);
    }

    /** What the receiver saw, kept by the test across receiver restarts. */
    static final class Received {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> firstDeliveries = new CopyOnWriteArrayList<>();
        final AtomicBoolean tamperResponses = new AtomicBoolean();
    }

    /** Starts a receiving node (web server on a random port) on {@code db}. */
    static ConfigurableApplicationContext receiver(TestNode node, TrustList trust, TestDatabase db,
                                                   Received received) {
        return new SpringApplicationBuilder(ReceiverApp.class)
                .web(WebApplicationType.SERVLET)
                .properties(properties(db, Map.of("server.port", "0")))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("messageSigner", node.signer);
                    ctx.getBeanFactory().registerSingleton("trustList", trust);
                    ctx.getBeanFactory().registerSingleton("received", received);
                })
                .run();
    }

    /** Starts a sending node (no web server) whose destination {@value #PARENT} is wherever {@code parent} says. */
    static ConfigurableApplicationContext sender(TestNode node, TrustList trust, TestDatabase db, Clock clock,
                                                 AtomicReference<URI> parent, Map<String, String> extra) {
        DestinationResolver destinations = d -> PARENT.equals(d) ? Optional.of(parent.get()) : Optional.empty();
        return new SpringApplicationBuilder(SenderApp.class)
                .web(WebApplicationType.NONE)
                .properties(properties(db, extra))
                .initializers(ctx -> {
                    ctx.getBeanFactory().registerSingleton("messageSigner", node.signer);
                    ctx.getBeanFactory().registerSingleton("trustList", trust);
                    ctx.getBeanFactory().registerSingleton("clock", clock);
                    ctx.getBeanFactory().registerSingleton("destinations", destinations);
                })
                .run();
    }

    static URI baseUri(ConfigurableApplicationContext receiver) {
        return URI.create("http://127.0.0.1:" + receiver.getEnvironment().getProperty("local.server.port"));
    }

    private static Map<String, Object> properties(TestDatabase db, Map<String, String> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", db.url());
        p.put("spring.datasource.username", db.user());
        p.put("spring.datasource.password", db.password());
        p.put("spring.main.banner-mode", "off");
        p.put("seal.federation.outbox.dispatcher-enabled", "false");
        p.put("seal.federation.outbox.initial-backoff", "1s");
        p.put("seal.federation.outbox.max-backoff", "4s");
        p.putAll(extra);
        return p;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class SenderApp {
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(ReceiverController.class)
    static class ReceiverApp {
        /** Outside the federation filter: flips a byte of signed responses when the test asks for it. */
        @Bean
        FilterRegistrationBean<Filter> tamperingFilter(Received received) {
            Filter filter = (request, response, chain) -> {
                ContentCachingResponseWrapper wrapper =
                        new ContentCachingResponseWrapper((HttpServletResponse) response);
                chain.doFilter(request, wrapper);
                byte[] body = wrapper.getContentAsByteArray();
                if (received.tamperResponses.get() && body.length > 0) {
                    body[body.length / 2] ^= 0x01;
                }
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.addUrlPatterns("/federation/*");
            registration.setOrder(-200);
            return registration;
        }
    }

    /** A receiving endpoint that processes each message once, deduplicating through the inbox. */
    @RestController
    static class ReceiverController {
        private final Inbox inbox;
        private final Received received;

        ReceiverController(Inbox inbox, Received received) {
            this.inbox = inbox;
            this.received = received;
        }

        @PostMapping("/federation/messages/status.change/1")
        Map<String, Object> statusChange(VerifiedMessage message) {
            received.calls.incrementAndGet();
            boolean first = inbox.firstDelivery(message);
            if (first) {
                received.firstDeliveries.add(new String(message.body(), StandardCharsets.UTF_8));
            }
            return Map.of("messageId", message.messageId(), "duplicate", !first);
        }
    }
}
