package cn.hrss.seal.making;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.making.lifecycle.ExpiryJob;
import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;

/**
 * Seal making: application, review, making, lifecycle, delivery, expiry (package {@code cn.hrss.seal.making}).
 * Switched off with {@code seal.making.enabled=false}. Needs a {@link CipherDevice}, a DataSource (tables from
 * Flyway {@code V5_x}) and one bean for each port in {@code cn.hrss.seal.making.port}, which
 * {@code SealMakingAdaptersAutoConfiguration} provides from the real modules.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@ConditionalOnProperty(prefix = "seal.making", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(SealMakingProperties.class)
// fully qualified bean names: generic ones such as "sealMapper" or "expiryJob" must not collide with other modules'
@MapperScan(basePackages = "cn.hrss.seal.making.persistence",
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ComponentScan(basePackages = {"cn.hrss.seal.making.apply", "cn.hrss.seal.making.review",
        "cn.hrss.seal.making.make", "cn.hrss.seal.making.lifecycle", "cn.hrss.seal.making.delivery",
        "cn.hrss.seal.making.code", "cn.hrss.seal.making.journal"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
public class SealMakingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock sealMakingClock() {
        return Clock.systemUTC();
    }

    /** Runs the expiry job on the configured cron unless {@code seal.making.expiry.enabled=false}. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(prefix = "seal.making.expiry", name = "enabled", matchIfMissing = true)
    static class ExpiryScheduling implements SchedulingConfigurer {
        private final ExpiryJob job;
        private final SealMakingProperties properties;

        ExpiryScheduling(ExpiryJob job, SealMakingProperties properties) {
            this.job = job;
            this.properties = properties;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar registrar) {
            registrar.addCronTask(job::run, properties.expiry().cron());
        }
    }
}
