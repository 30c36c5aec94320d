package cn.hrss.seal.evidence;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.application.api.EvidenceReceipts;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The evidence log on a node: leaves, signed checkpoints every {@code seal.evidence.checkpoint-interval} (default one
 * minute, only when the log grew) and the public proof endpoints. Off with {@code seal.evidence.enabled=false}.
 */
@AutoConfiguration(afterName = {"cn.hrss.seal.ca.CaAutoConfiguration", "cn.hrss.seal.federation.FederationAutoConfiguration",
        "cn.hrss.seal.servicemgmt.ServiceMgmtAutoConfiguration", "cn.hrss.seal.anchor.evm.EvmAnchorAutoConfiguration"})
@ConditionalOnProperty(prefix = "seal.evidence", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(CertificateAuthority.class)
@EnableConfigurationProperties(DocumentIndexSchedule.class)
public class EvidenceAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(EvidenceAutoConfiguration.class);

    @Bean
    StoredTree evidenceTree(JdbcTemplate jdbc) {
        return new StoredTree(jdbc);
    }

    @Bean
    LeafStore evidenceLog(JdbcTemplate jdbc, StoredTree tree, ObjectProvider<Clock> clocks) {
        return new LeafStore(jdbc, tree, clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    DocumentIndex evidenceDocumentIndex(JdbcTemplate jdbc, LeafStore leaves) {
        return new DocumentIndex(jdbc, leaves);
    }

    /** Through the transactional proxy, once every bean is ready: a log from before V9_3 gets its subtrees. */
    @Bean
    SmartInitializingSingleton evidenceNodesComplete(LeafStore leaves) {
        return leaves::completeNodes;
    }

    @Bean
    Checkpoints evidenceCheckpoints(LeafStore leaves, StoredTree tree, JdbcTemplate jdbc, CipherDevice device,
                                    CertificateAuthority ca, ObjectProvider<Clock> clocks) {
        return new Checkpoints(leaves, tree, jdbc, device, ca.nodeKey(), clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    EvidenceMetrics evidenceMetrics(JdbcTemplate jdbc, ObjectProvider<Clock> clocks) {
        return new EvidenceMetrics(jdbc, clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    SigningEvidence signingEvidence(LeafStore log, CipherDevice device) {
        return new SigningEvidence(log, cn.hrss.seal.core.pii.PersonalDataProtector.forLabel(device,
                cn.hrss.seal.core.pii.PersonalDataProtector.DEFAULT_KEK_LABEL));
    }

    @Bean
    @ConditionalOnBean(FederationClient.class)
    Witnessing evidenceWitnessing(Checkpoints checkpoints, JdbcTemplate jdbc, CipherDevice device,
                                  CertificateAuthority ca, FederationClient client, DestinationResolver destinations,
                                  ObjectProvider<RegisteredSystems> children, ObjectProvider<Clock> clocks) {
        return new Witnessing(checkpoints, jdbc, device, ca.nodeKey(), client, destinations,
                Optional.ofNullable(children.getIfAvailable()), clocks.getIfUnique(Clock::systemUTC),
                () -> chainOf(ca));
    }

    /** The node's certificate and its issuing root, base64 DER: what a verifier needs to trust a log or witness. */
    static java.util.List<String> chainOf(CertificateAuthority ca) {
        java.util.List<String> chain = new java.util.ArrayList<>();
        try {
            chain.add(java.util.Base64.getEncoder().encodeToString(ca.nodeCertificate().getEncoded()));
            if (!ca.rootCertificate().equals(ca.nodeCertificate())) {
                chain.add(java.util.Base64.getEncoder().encodeToString(ca.rootCertificate().getEncoded()));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return chain;
    }

    @Bean
    @ConditionalOnBean(EvidenceAnchor.class)
    Anchoring evidenceAnchoring(Checkpoints checkpoints, EvidenceAnchor anchor, JdbcTemplate jdbc,
                                ObjectProvider<Witnessing> witnessing,
                                ObjectProvider<DestinationResolver> destinations,
                                @Value("${seal.evidence.anchor.interval:PT5M}") Duration interval,
                                ObjectProvider<Clock> clocks) {
        Witnessing witness = witnessing.getIfAvailable();
        DestinationResolver resolver = destinations.getIfAvailable();
        // with a parent, anchor what it cosigned: one checkpoint then carries cosignature and anchor
        java.util.function.LongSupplier target = () -> witness != null && resolver != null
                && resolver.baseUri("parent").isPresent() ? witness.cosignedSize()
                : checkpoints.latest().map(Checkpoints.Checkpoint::treeSize).orElse(0L);
        return new Anchoring(checkpoints, anchor, jdbc, target, interval, clocks.getIfUnique(Clock::systemUTC));
    }

    @Bean
    Receipts evidenceReceipts(LeafStore leaves, Checkpoints checkpoints, ObjectProvider<Witnessing> witnessing,
                              ObjectProvider<Anchoring> anchoring, CertificateAuthority ca) {
        return new Receipts(leaves, checkpoints, Optional.ofNullable(witnessing.getIfAvailable()),
                Optional.ofNullable(anchoring.getIfAvailable()), () -> chainOf(ca));
    }

    /** What document verification (API, portal) asks: the receipt of a document or signed revision. */
    @Bean
    EvidenceReceipts evidenceReceiptLookup(Receipts receipts, DocumentIndex documents) {
        return documentSm3 -> documents.leafOf(documentSm3).flatMap(receipts::forLeaf)
                .map(receipt -> receipt.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Bean
    ReceiptController evidenceReceiptController(Receipts receipts, LeafStore leaves, DocumentIndex documents) {
        return new ReceiptController(receipts, leaves, documents);
    }

    @Bean
    EvidenceOperationsController evidenceOperationsController(LeafStore leaves, Checkpoints checkpoints,
                                                              JdbcTemplate jdbc, ObjectProvider<Witnessing> witnessing,
                                                              ObjectProvider<Anchoring> anchoring) {
        return new EvidenceOperationsController(leaves, checkpoints, jdbc,
                Optional.ofNullable(witnessing.getIfAvailable()), Optional.ofNullable(anchoring.getIfAvailable()));
    }

    @Bean
    @ConditionalOnBean(Witnessing.class)
    WitnessEndpoint evidenceWitnessEndpoint(Witnessing witnessing) {
        return new WitnessEndpoint(witnessing);
    }

    @Bean
    EvidenceController evidenceController(Checkpoints checkpoints, LeafStore leaves,
                                          ObjectProvider<Witnessing> witnessing) {
        return new EvidenceController(checkpoints, leaves, Optional.ofNullable(witnessing.getIfAvailable()));
    }

    @Bean
    PublicPaths evidencePublicPaths() {
        return PublicPaths.of("evidence", EvidenceController.PATH + "/**");
    }

    /**
     * Fills the document index from the leaves' keys: when {@code seal.evidence.document-index.batch-leaves}
     * leaves wait, or when some have waited {@code max-delay}; checked every {@code tick}; then merges its runs
     * where a level is full. Lookups read the waiting leaves themselves, so nothing depends on when this runs.
     */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "seal.evidence", name = "checkpoint-scheduler", matchIfMissing = true)
    ScheduledExecutorService evidenceDocumentIndexSchedule(DocumentIndex documents,
                                                           DocumentIndexSchedule schedule) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evidence-document-index");
            t.setDaemon(true);
            return t;
        });
        long[] lastFlush = {System.nanoTime()};
        executor.scheduleWithFixedDelay(() -> {
            try {
                long pending = documents.pending();
                if (pending >= schedule.batchLeaves() || pending > 0
                        && System.nanoTime() - lastFlush[0] >= schedule.maxDelay().toNanos()) {
                    documents.flush();
                    lastFlush[0] = System.nanoTime();
                    while (documents.compact()) {
                        // merge level by level while some level is full
                    }
                }
            } catch (RuntimeException e) {
                log.warn("evidence document index: {}", e.getMessage());
            }
        }, schedule.tick().toMillis(), schedule.tick().toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "seal.evidence", name = "checkpoint-scheduler", matchIfMissing = true)
    ScheduledExecutorService evidenceCheckpointSchedule(Checkpoints checkpoints,
                                                        ObjectProvider<Witnessing> witnessing,
                                                        ObjectProvider<Anchoring> anchoring,
                                                        @Value("${seal.evidence.checkpoint-interval:PT1M}")
                                                        Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "evidence-checkpoint");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                checkpoints.checkpoint();
                witnessing.ifAvailable(Witnessing::submit);
            } catch (RuntimeException e) {
                log.warn("evidence checkpoint failed: {}", e.getMessage());
            }
            try {
                anchoring.ifAvailable(Anchoring::anchorDue);
            } catch (RuntimeException e) {
                // recorded as a failed attempt; retried at the next tick
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }
}
