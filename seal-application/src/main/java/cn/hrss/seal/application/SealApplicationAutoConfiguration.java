package cn.hrss.seal.application;

import org.mybatis.spring.annotation.MapperScan;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * Seal application inside a node: verification (API, report, public portal) here; signing (sign requests and their
 * review, standing authorisations, the business API) in {@link SigningAutoConfiguration} wherever this node makes
 * and holds seals. The document and data signers in {@code pdf}, {@code ofd},
 * {@code data} and {@code verify} stay plain libraries, usable without Spring (the command-line client does).
 * Switched off with {@code seal.application.enabled=false}. Tables: Flyway {@code V6_x}.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
        TransactionAutoConfiguration.class})
@ConditionalOnProperty(prefix = "seal.application", name = "enabled", matchIfMissing = true)
// fully qualified bean names: generic ones must not collide with other modules'
@MapperScan(basePackages = "cn.hrss.seal.application.persistence",
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class)
@ComponentScan(basePackages = {"cn.hrss.seal.application.verification", "cn.hrss.seal.application.report",
        "cn.hrss.seal.application.portal"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        // test applications living in these packages must not join other contexts
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class SealApplicationAutoConfiguration {
}
