package cn.hrss.seal.ca.persistence;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;

/**
 * MyBatis-Plus mappers of the CA tables (Flyway migrations V1_x in db/migration). The mappers carry no
 * {@code @Mapper}, so an application-wide mapper scan does not register them a second time, and a {@code Ca}
 * prefix, so their bean names do not clash with other modules' mappers.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = CaPersistenceConfiguration.class, markerInterface = BaseMapper.class)
public class CaPersistenceConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    CertificateStore caCertificateStore(CaCertificateMapper certificates, CaRevocationMapper revocations,
                                        CaCrlMapper crls, PlatformTransactionManager transactionManager,
                                        Clock clock) {
        return new CertificateStore(certificates, revocations, crls, new TransactionTemplate(transactionManager),
                clock);
    }
}
