package cn.hrss.seal.status;

import cn.hrss.seal.status.ledger.LedgerConfiguration;
import cn.hrss.seal.status.publish.PublishConfiguration;
import cn.hrss.seal.status.query.QueryConfiguration;
import cn.hrss.seal.status.srl.RevocationListConfiguration;
import com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * The seal status subsystem: status ledger with history and cache, signed status answers, the signed seal
 * revocation list, and the expiry job. Needs a {@code DataSource} (schema by Flyway, {@code db/migration} V4.x) and a
 * {@code CipherDevice} holding the signing key. Switch off with {@code seal.status.enabled=false}.
 */
@AutoConfiguration(after = {MybatisPlusAutoConfiguration.class, FlywayAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnProperty(prefix = "seal.status", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SealStatusProperties.class)
@MapperScan("cn.hrss.seal.status.persistence")
@Import({PublishConfiguration.class, LedgerConfiguration.class, QueryConfiguration.class,
        RevocationListConfiguration.class})
public class SealStatusAutoConfiguration {
}
