package cn.hrss.seal.application.verification;

import cn.hrss.seal.accounts.api.PublicPaths;
import cn.hrss.seal.application.online.CrlRevocationSource;
import cn.hrss.seal.application.online.OcspRevocationSource;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.status.api.SealStatusService;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
                                              VerificationProperties properties, ObjectProvider<Clock> clockProvider) {
        Clock clock = clockProvider.getIfAvailable(Clock::systemUTC);
        return new NodeDocumentVerification(ca, readRoots(properties.trustedRoots()),
                new NodeRevocationSource(ca, CrlRevocationSource.orElse(
                        new OcspRevocationSource(Optional.empty(), properties.onlineTimeout(), clock),
                        new CrlRevocationSource(Optional.empty(), properties.onlineTimeout(), clock))),
                new LedgerSealStatusSource(statuses, clock), clock, properties.maxDocumentSize().toBytes());
    }

    /** Fails start-up on a file that is not a PEM certificate: a silently missing root would fail verifications. */
    static List<X509CertificateHolder> readRoots(List<String> files) {
        List<X509CertificateHolder> roots = new ArrayList<>();
        for (Path file : files.stream().map(Path::of).toList()) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                 PEMParser pem = new PEMParser(reader)) {
                int before = roots.size();
                for (Object object = pem.readObject(); object != null; object = pem.readObject()) {
                    if (object instanceof X509CertificateHolder certificate) {
                        roots.add(certificate);
                    }
                }
                if (roots.size() == before) {
                    throw new IllegalStateException("seal.application.verification.trusted-roots: " + file
                            + " holds no PEM certificate");
                }
            } catch (IOException e) {
                throw new IllegalStateException("seal.application.verification.trusted-roots: cannot read " + file, e);
            }
        }
        return roots;
    }
}
