package cn.hrss.seal.ca;

import cn.hrss.seal.ca.authority.CaAuthorityConfiguration;
import cn.hrss.seal.ca.crl.CaCrlConfiguration;
import cn.hrss.seal.ca.est.CaEstConfiguration;
import cn.hrss.seal.ca.ocsp.CaOcspConfiguration;
import cn.hrss.seal.ca.persistence.CaPersistenceConfiguration;
import cn.hrss.seal.ca.tsa.CaTsaConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * The embedded SM2 CA of a node: seal root and node identities (keys in the node's {@code CipherDevice} bean,
 * which this module never creates), issuing, CRL, OCSP, TSA and EST over HTTP under {@code /ca} and
 * {@code /.well-known/est}. Its tables come from the Flyway migrations {@code db/migration/V1_x__ca_*.sql}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class},
        afterName = "com.baomidou.mybatisplus.autoconfigure.MybatisPlusAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({CaProperties.class, CaNodeProperties.class})
@Import({CaPersistenceConfiguration.class, CaAuthorityConfiguration.class, CaCrlConfiguration.class,
        CaOcspConfiguration.class, CaTsaConfiguration.class, CaEstConfiguration.class})
public class CaAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
