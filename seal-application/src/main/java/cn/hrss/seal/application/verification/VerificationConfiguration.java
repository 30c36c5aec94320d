package cn.hrss.seal.application.verification;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.application.online.CrlRevocationSource;
import cn.hrss.seal.application.online.OcspRevocationSource;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.ca.api.TrustAnchors;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.cert.X509CertificateHolder;
import cn.hrss.seal.status.api.SealStatusService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import cn.hrss.seal.application.api.EvidenceReceipts;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;

/** Verification on the node: the {@link DocumentVerification} service and its public HTTP endpoint. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VerificationProperties.class)
public class VerificationConfiguration {


    /** Anyone may verify a document: citizens, relying parties, the portal. */
    @Bean
    PublicPaths verificationPublicPaths() {
        return PublicPaths.of("seal-application verification", VerificationController.PATH);
    }

    @Bean
    DocumentVerification documentVerification(CertificateAuthority ca, SealStatusService statuses,
                                              VerificationProperties properties, ObjectProvider<Clock> clockProvider,
                                              ObjectProvider<EvidenceReceipts> receipts,
                                              ObjectProvider<EvidenceAnchor> ledger,
                                              ObjectProvider<TrustAnchors> anchors) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        TrustedRoots configured = TrustedRoots.of(properties.trustedRoots());
        java.util.function.Supplier<List<X509CertificateHolder>> extra = () -> {
            List<X509CertificateHolder> roots = new ArrayList<>(configured.current());
            anchors.orderedStream().forEach(a -> roots.addAll(a.roots()));
            return roots;
        };
        return new NodeDocumentVerification(ca, extra,
                new NodeRevocationSource(ca, CrlRevocationSource.orElse(
                        new OcspRevocationSource(Optional.empty(), properties.onlineTimeout(), clock),
                        new CrlRevocationSource(Optional.empty(), properties.onlineTimeout(), clock))),
                new LedgerSealStatusSource(statuses, clock), clock, properties.maxDocumentSize().toBytes(),
                // the evidence module starts after this one: look its beans up at verification time
                Optional.of(digest -> receipts.stream().findFirst().flatMap(r -> r.forDocument(digest))),
                () -> ledger.stream().findFirst());
    }
}
