package cn.hrss.seal.audit;

import cn.hrss.seal.audit.chain.ChainConfiguration;
import cn.hrss.seal.audit.persistence.AuditRecordMapper;
import cn.hrss.seal.audit.web.AuditWebConfiguration;
import com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The audit chain: {@link cn.hrss.seal.audit.api.AuditTrail} for the other modules, checkpoint signing with the
 * {@code CipherDevice} bean the node provides, and the audit administrator's endpoints. Schema: Flyway
 * {@code V3_1__audit.sql}.
 */
// before MyBatis-Plus: our @MapperScan then exists when its fallback scanner checks for one, and it backs off
@AutoConfiguration(after = DataSourceTransactionManagerAutoConfiguration.class, before = MybatisPlusAutoConfiguration.class)
@EnableConfigurationProperties(AuditProperties.class)
@MapperScan(basePackageClasses = AuditRecordMapper.class)
@Import(ChainConfiguration.class)
public class AuditAutoConfiguration {

    @Bean
    ChainConfiguration.Settings auditChainSettings(AuditProperties properties) {
        return new ChainConfiguration.Settings(properties.keyLabel(), properties.checkpointEvery(),
                properties.checkpointInterval());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(AuditWebConfiguration.class)
    static class Web {
    }
}
