package cn.hrss.seal.contract;

import cn.hrss.seal.application.api.ReviewedSignRequests;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.evidence.api.EvidenceLog;
import cn.hrss.seal.making.api.SigningSeals;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.mail.MailSenderAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * Multi-party contracts on a node (docs/CONTRACTS.md). Needs the audit trail; signs through seal application's
 * reviewed sign requests and records evidence when those modules run, and mails when {@code spring.mail.host} is
 * set. Off with {@code seal.contract.enabled=false}. Tables: Flyway {@code V10_x}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        MailSenderAutoConfiguration.class},
        afterName = {"cn.hrss.seal.audit.AuditAutoConfiguration", "cn.hrss.seal.evidence.EvidenceAutoConfiguration",
                "cn.hrss.seal.application.SigningAutoConfiguration"})
@ConditionalOnProperty(prefix = "seal.contract", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(AuditTrail.class)
public class ContractAutoConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ContractAutoConfiguration.class);

    @Bean
    Institutions contractInstitutions(JdbcTemplate jdbc, AuditTrail audit, ObjectProvider<Clock> clocks) {
        return new Institutions(jdbc, audit, clock(clocks));
    }

    @Bean
    ContractStore contractStore(JdbcTemplate jdbc) {
        return new ContractStore(jdbc);
    }

    @Bean
    ContractEvidence contractEvidence(JdbcTemplate jdbc, ObjectProvider<EvidenceLog> log) {
        return new ContractEvidence(jdbc, log);
    }

    @Bean
    Notifications contractNotifications(JdbcTemplate jdbc, ObjectProvider<JavaMailSender> mailSender,
                                        @Value("${seal.contract.mail-from:seal-noreply@localhost}") String from,
                                        @Value("${seal.contract.link-base-url:http://localhost:8080}") String base) {
        return new Notifications(jdbc, mailSender, from, base);
    }

    @Bean
    Contracts contracts(JdbcTemplate jdbc, ContractStore store, Institutions institutions, ContractEvidence evidence,
                        Notifications notifications, AuditTrail audit, ObjectProvider<SigningSeals> seals,
                        ObjectProvider<Clock> clocks,
                        @Value("${seal.contract.max-document-bytes:10485760}") long maxDocumentBytes) {
        return new Contracts(jdbc, store, institutions, evidence, notifications, audit, seals, clock(clocks),
                maxDocumentBytes);
    }

    @Bean
    ContractSigning contractSigning(JdbcTemplate jdbc, ContractStore store, Contracts contracts,
                                    ContractEvidence evidence, ObjectProvider<ReviewedSignRequests> signRequests,
                                    AuditTrail audit, ObjectProvider<Clock> clocks) {
        return new ContractSigning(jdbc, store, contracts, evidence, signRequests, audit, clock(clocks));
    }

    @Bean
    PartyReviewers contractPartyReviewers(ContractStore store, Institutions institutions) {
        return new PartyReviewers(store, institutions);
    }

    @Bean
    ContractReading contractReading(JdbcTemplate jdbc, ContractStore store, Contracts contracts,
                                    Institutions institutions, ContractEvidence evidence, AuditTrail audit,
                                    ObjectProvider<Clock> clocks) {
        return new ContractReading(jdbc, store, contracts, institutions, evidence, audit, clock(clocks));
    }

    @Bean
    InstitutionController contractInstitutionController(Institutions institutions) {
        return new InstitutionController(institutions);
    }

    @Bean
    ContractController contractController(Institutions institutions, Contracts contracts, ContractSigning signing,
                                          ContractReading reading) {
        return new ContractController(institutions, contracts, signing, reading);
    }

    /** Expires contracts past their deadline (reads and changes also expire them lazily). */
    @Bean(destroyMethod = "shutdownNow")
    @ConditionalOnProperty(prefix = "seal.contract", name = "expiry-scheduler", matchIfMissing = true)
    ScheduledExecutorService contractExpirySchedule(Contracts contracts,
                                                    @Value("${seal.contract.expiry-interval:PT1M}") Duration interval) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "contract-expiry");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                contracts.expireDue();
            } catch (RuntimeException e) {
                log.warn("contract expiry failed: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return executor;
    }

    private static Clock clock(ObjectProvider<Clock> clocks) {
        return clocks.getIfUnique(Clock::systemUTC);
    }
}
