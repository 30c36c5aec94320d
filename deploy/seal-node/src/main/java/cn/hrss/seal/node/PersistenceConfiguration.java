package cn.hrss.seal.node;

import org.apache.ibatis.session.SqlSessionFactory;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway must migrate before any MyBatis mapper runs. Spring Boot orders Flyway before JPA and JdbcTemplate but
 * knows nothing of MyBatis, so a module that reads through a mapper while starting would see an empty schema.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

    @Bean
    static AbstractDependsOnBeanFactoryPostProcessor migrateBeforeMappers() {
        return new AbstractDependsOnBeanFactoryPostProcessor(SqlSessionFactory.class, "flywayInitializer") {
        };
    }
}
