package cn.hrss.seal.accesstest;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.crypto.DeviceContentSigner;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.MessageSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access-test subsystem on a node: the suite, run with the node's system key, and its REST endpoint. Off with
 * {@code seal.access-test.enabled=false}.
 */
@AutoConfiguration(afterName = "cn.hrss.seal.ca.CaAutoConfiguration")
@ConditionalOnProperty(prefix = "seal.access-test", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(CertificateAuthority.class)
public class AccessTestAutoConfiguration {

    @Bean
    AccessTests accessTests(CipherDevice device, CertificateAuthority ca, JdbcTemplate jdbc,
                            ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfUnique(Clock::systemUTC);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AccessTestSuite suite = new AccessTestSuite(http, device, ca.nodeKey(), ca.nodeCertificate(), clock,
                () -> stranger(clock));
        return new AccessTests(suite, device, ca.nodeKey(), jdbc, clock);
    }

    @Bean
    AccessTestController accessTestController(AccessTests tests) {
        return new AccessTestController(tests);
    }

    /** A key in a throw-away soft device, with a self-signed certificate: an identity no node trusts. */
    static MessageSigner stranger(Clock clock) {
        try {
            Path dir = Files.createTempDirectory("access-test-stranger");
            byte[] master = new byte[16];
            new SecureRandom().nextBytes(master);
            SoftCipherDevice device = new SoftCipherDevice(dir.resolve("stranger.ks"), master,
                    "stranger".toCharArray());
            KeyRef key = device.generateKeyPair("stranger");
            X500Name name = new X500Name("CN=Access-test stranger,O=Nobody,C=CN");
            Instant now = clock.instant();
            X509CertificateHolder certificate = new X509v3CertificateBuilder(name, BigInteger.ONE,
                    Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name,
                    device.exportSignPublicKey(key).toSubjectPublicKeyInfo())
                    .build(DeviceContentSigner.create(device, key));
            return MessageSigner.of(device, key, certificate, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
