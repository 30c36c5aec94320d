package cn.hrss.seal.federation;

import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.message.MessageFixtures;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.ReplayGuard;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FederationAutoConfigurationTest {
    @TempDir
    static Path dir;
    private static SoftCipherDevice device;
    private static MessageSigner signer;
    private static TestDatabase db;

    @BeforeAll
    static void identity() {
        device = new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "test-device-password".toCharArray());
        KeyRef key = device.generateKeyPair("system");
        signer = MessageSigner.of(device, key, MessageFixtures.certificate(device, key, "CN=Node,C=CN"),
                Clock.systemUTC());
        db = TestDatabase.h2();
    }

    @AfterAll
    static void close() {
        device.close();
        db.close();
    }

    private static ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        DataSourceTransactionManagerAutoConfiguration.class, FederationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user())
                .withBean(MessageSigner.class, () -> signer)
                .withBean(TrustList.class, () -> TrustList.of(List.of()));
    }

    @Test
    void givesTheNodeOutboxClientInboxAndDefaultsFromConfiguration() {
        runner().withPropertyValues("seal.federation.destinations.parent=https://province.example:8443/node",
                        "seal.federation.outbox.dispatcher-enabled=false")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(Outbox.class).hasSingleBean(FederationClient.class)
                            .hasSingleBean(Inbox.class).hasSingleBean(ReplayGuard.class)
                            .doesNotHaveBean(Clock.class);
                    FederationProperties p = ctx.getBean(FederationProperties.class);
                    assertThat(p.clockSkew()).isEqualTo(Duration.ofMinutes(5));
                    assertThat(p.outbox().maxBackoff()).isEqualTo(Duration.ofMinutes(15));
                    assertThat(ctx.getBean(DestinationResolver.class).baseUri("parent"))
                            .contains(URI.create("https://province.example:8443/node"));
                    assertThat(ctx.getBean(DestinationResolver.class).baseUri("other")).isEmpty();
                });
    }

    @Test
    void refusesInvalidConfiguration() {
        runner().withPropertyValues("seal.federation.destinations.parent=ftp://province.example")
                .run(ctx -> assertThat(ctx).hasFailed());
        runner().withPropertyValues("seal.federation.outbox.jitter=1.5").run(ctx -> assertThat(ctx).hasFailed());
        runner().withPropertyValues("seal.federation.outbox.initial-backoff=1m",
                "seal.federation.outbox.max-backoff=10s").run(ctx -> assertThat(ctx).hasFailed());
        runner().withPropertyValues("seal.federation.clock-skew=0s").run(ctx -> assertThat(ctx).hasFailed());
    }

    @Test
    void needsTheNodesSignerAndTrustList() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                        FederationAutoConfiguration.class))
                .withPropertyValues("spring.datasource.url=" + db.url(), "spring.datasource.username=" + db.user())
                .run(ctx -> assertThat(ctx).getFailure().hasMessageContaining(MessageSigner.class.getName()));
    }
}
