package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.audit.persistence.AuditCheckpointMapper;
import cn.hrss.seal.audit.persistence.AuditRecordMapper;
import cn.hrss.seal.audit.persistence.ChainHeadMapper;
import cn.hrss.seal.core.device.CipherDevice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/** Beans of the chain; imported by the audit auto-configuration, which supplies the settings. */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {

    /** Settings the auto-configuration passes in (keeps this package free of the properties binding). */
    public record Settings(String keyLabel, int checkpointEvery, Duration checkpointInterval) {
    }

    @Bean
    AuditKey auditKey(CipherDevice device, Settings settings) {
        return new AuditKey(device, settings.keyLabel());
    }

    @Bean
    Checkpointer auditCheckpointer(ChainHeadMapper heads, AuditCheckpointMapper checkpoints, AuditKey key,
                                   PlatformTransactionManager tm) {
        return new Checkpointer(heads, checkpoints, key, Clock.systemUTC(), newTransaction(tm));
    }

    @Bean
    AuditTrail auditTrail(ChainHeadMapper heads, AuditRecordMapper records, PlatformTransactionManager tm,
                          Checkpointer checkpointer, Settings settings) {
        return new JdbcAuditTrail(heads, records, newTransaction(tm), Clock.systemUTC(), checkpointer,
                settings.checkpointEvery());
    }

    /** Audit writes never join the caller's transaction (see {@link AuditTrail}). */
    private static TransactionTemplate newTransaction(PlatformTransactionManager tm) {
        TransactionTemplate tx = new TransactionTemplate(tm);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return tx;
    }

    @Bean
    AuditAdministration auditAdministration(AuditRecordMapper records, AuditCheckpointMapper checkpoints,
                                            ChainHeadMapper heads, AuditKey key, Checkpointer checkpointer) {
        return new AuditAdministration(records, checkpoints, heads, key, checkpointer);
    }

    @Bean
    CheckpointScheduler auditCheckpointScheduler(Checkpointer checkpointer, Settings settings) {
        return new CheckpointScheduler(checkpointer::checkpointHead, settings.checkpointInterval());
    }
}
