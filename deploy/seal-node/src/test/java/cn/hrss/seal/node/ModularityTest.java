package cn.hrss.seal.node;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Modulith over everything under {@code cn.hrss.seal}: each top-level package (accounts, node, and the
 * subsystem modules as they join) is an application module that may use another only through its base package or
 * a named interface such as {@code accounts.api}. The shared kernel (seal-core, seal-web) and test support are
 * libraries every module may use, so they are left out of the module model, as is test code.
 */
class ModularityTest {
    /** Test classes on the class path (this module's, and test jars such as seal-application's helpers). */
    static final DescribedPredicate<JavaClass> TEST_CODE = DescribedPredicate.describe("test code",
            c -> c.getSource().map(s -> s.getUri().toString())
                    .map(uri -> uri.contains("/test-classes/") || uri.contains("-tests.jar")).orElse(false));

    static final ApplicationModules MODULES = ApplicationModules.of("cn.hrss.seal",
            JavaClass.Predicates.resideInAnyPackage("cn.hrss.seal.core..", "cn.hrss.seal.web..",
                    "cn.hrss.seal.testsupport..").or(TEST_CODE));

    @Test
    void modulesUseEachOtherOnlyThroughPublishedInterfaces() {
        MODULES.verify();
    }

    @Test
    void accountsNodeAndContractAreModules() {
        assertThat(MODULES.stream().map(m -> m.getBasePackage().getName()))
                .contains("cn.hrss.seal.accounts", "cn.hrss.seal.node", "cn.hrss.seal.contract");
    }
}
