package cn.hrss.seal.servicemgmt;

import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.servicemgmt.api.TrustListClient;
import cn.hrss.seal.servicemgmt.parent.ParentRegistrationsConfiguration;
import cn.hrss.seal.servicemgmt.trustlist.JdbcParentTrustListStore;
import cn.hrss.seal.servicemgmt.trustlist.TrustListPublisher;
import java.io.IOException;
import java.io.Reader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Service management on a node: registration of lower systems and the signed trust list (upper side, switched off
 * with {@code seal.service-mgmt.enabled=false}, as on a city node, which registers nobody), and the pull of the
 * parent's trust list (lower side, whenever {@code seal.service-mgmt.parent.*} is set). The node's
 * {@link TrustList} (unless it defines its own) is its own published list when it has one, then its parent's.
 */
@AutoConfiguration(afterName = "cn.hrss.seal.ca.CaAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ServiceMgmtProperties.class, NodeRegionProperties.class})
public class ServiceMgmtAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ServiceMgmtAutoConfiguration.class);

    @Bean
    @ConditionalOnProperty(prefix = "seal.service-mgmt.parent", name = "base-url")
    TrustListClient parentTrustList(ServiceMgmtProperties properties, Clock clock, JdbcTemplate jdbc) {
        ServiceMgmtProperties.Parent parent = properties.parent();
        return new TrustListClient(HttpClient.newBuilder().connectTimeout(parent.timeout()).build(),
                parent.baseUrl(), pinned(parent), clock, parent.timeout(), new JdbcParentTrustListStore(jdbc, clock));
    }

    /** The parent's pinned root is a trust anchor of this node: it verifies what the parent signed (witnessing). */
    @Bean
    @ConditionalOnProperty(prefix = "seal.service-mgmt.parent", name = "base-url")
    cn.hrss.seal.ca.api.TrustAnchors parentTrustAnchor(ServiceMgmtProperties properties) {
        List<X509CertificateHolder> roots = List.of(pinned(properties.parent()));
        return () -> roots;
    }

    /** Pulls at start and every pull-interval; a failed pull keeps the version held and is logged. */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "seal.service-mgmt.parent", name = "base-url")
    ScheduledExecutorService parentTrustListPuller(TrustListClient client, ServiceMgmtProperties properties) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "trust-list-pull");
            t.setDaemon(true);
            return t;
        });
        long every = properties.parent().pullInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                client.pull();
            } catch (RuntimeException e) {
                log.warn("pulling the parent's trust list failed, keeping version {}: {}", client.version(),
                        e.getMessage());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
        return executor;
    }

    /**
     * Primary, because the parent's {@link TrustListClient} is a TrustList too: without it a province would trust
     * only its parent's list and never the cities it registered itself.
     */
    @Bean
    @Primary
    @ConditionalOnMissingBean(name = "trustList")
    TrustList serviceMgmtTrustList(ObjectProvider<TrustListPublisher> own, ObjectProvider<TrustListClient> parent,
                                   ServiceMgmtProperties properties) {
        Optional<TrustList> registered = Optional.ofNullable(own.getIfAvailable()).map(TrustListPublisher::asTrustList);
        Optional<TrustListClient> pulled = Optional.ofNullable(parent.getIfAvailable());
        TrustList peers = TrustList.of(properties.trustedPeers().stream()
                .map(file -> TrustedSigner.of(certificate(file, "seal.service-mgmt.trusted-peers"), false)).toList());
        return id -> registered.flatMap(r -> r.find(id)).or(() -> pulled.flatMap(p -> p.find(id)))
                .or(() -> peers.find(id));
    }

    /** The lower side's application to the parent, from this node's system key (docs/SERVICE-MGMT.md section 5). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "seal.service-mgmt.parent", name = "base-url")
    @Import(ParentRegistrationsConfiguration.class)
    static class LowerSide {
    }

    /** The upper side: registrations of lower systems, their certificates and this node's published trust list. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "seal.service-mgmt", name = "enabled", matchIfMissing = true)
    @ComponentScan(basePackages = {"cn.hrss.seal.servicemgmt.registration", "cn.hrss.seal.servicemgmt.trustlist"})
    static class UpperSide {
    }

    private static X509CertificateHolder pinned(ServiceMgmtProperties.Parent parent) {
        return certificate(parent.pinnedCertificate(), "seal.service-mgmt.parent.pinned-certificate");
    }

    /** DER or PEM; an unreadable file stops the start (a silently missing trust anchor would refuse every message). */
    private static X509CertificateHolder certificate(java.nio.file.Path file, String property) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > 0 && bytes[0] == '-') {
                try (Reader r = Files.newBufferedReader(file);
                     PEMParser pem = new PEMParser(r)) {
                    return (X509CertificateHolder) pem.readObject();
                }
            }
            return new X509CertificateHolder(bytes);
        } catch (IOException | ClassCastException | NullPointerException e) {
            throw new IllegalStateException(property + " unreadable: " + file, e);
        }
    }
}
