package cn.hrss.seal.application;

import cn.hrss.seal.making.SealMakingAutoConfiguration;
import cn.hrss.seal.making.api.SigningSeals;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.FullyQualifiedAnnotationBeanNameGenerator;

/**
 * Signing with the seals this node holds: sign requests and their review, standing authorisations, the business
 * API. Needs seal making's {@link SigningSeals} (a node without seal making only verifies). Tables: Flyway
 * {@code V6_x} (migrated by the node whether or not this part runs).
 */
@AutoConfiguration(after = {SealApplicationAutoConfiguration.class, SealMakingAutoConfiguration.class})
// seal making publishes SigningSeals under exactly this condition (a bean condition cannot guard a component scan)
@ConditionalOnExpression("${seal.application.enabled:true} and ${seal.making.enabled:true}")
@ComponentScan(basePackages = {"cn.hrss.seal.application.signing", "cn.hrss.seal.application.request",
        "cn.hrss.seal.application.authorisation", "cn.hrss.seal.application.business"},
        nameGenerator = FullyQualifiedAnnotationBeanNameGenerator.class,
        // test applications living in these packages must not join other contexts
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class SigningAutoConfiguration {
}
