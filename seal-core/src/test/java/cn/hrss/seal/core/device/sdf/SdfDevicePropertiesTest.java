package cn.hrss.seal.core.device.sdf;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SdfDevicePropertiesTest {
    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byProvider(HibernateValidator.class).configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static SdfDeviceProperties properties(String library, int index, int first, int last, String function) {
        return new SdfDeviceProperties(library, Map.of("seal-root", new SdfDeviceProperties.NamedKey(index, "pw")),
                new SdfDeviceProperties.IndexRange(first, last), "generated-pw",
                new SdfDeviceProperties.VendorFunctions(function, null), null);
    }

    private static Set<String> invalidPaths(SdfDeviceProperties p) {
        return validator.validate(p).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void acceptsAValidConfigurationAndFillsDefaults() {
        SdfDeviceProperties p = properties("/opt/vendor/libsdf.so", 1, 100, 199, "SDFX_Gen");

        assertThat(invalidPaths(p)).isEmpty();
        assertThat(p.maxIdleSessions()).isEqualTo(8);
        assertThat(p.toString()).doesNotContain("generated-pw").doesNotContain("password=pw");
    }

    @Test
    void rejectsBadValues() {
        assertThat(invalidPaths(properties(" ", 1, 100, 199, null))).containsExactly("library");
        assertThat(invalidPaths(properties("lib", 0, 100, 199, null))).containsExactly("keys[seal-root].index");
        assertThat(invalidPaths(properties("lib", 1, 200, 100, null))).containsExactly("generatedKeyIndexes.ordered");
        assertThat(invalidPaths(properties("lib", 1, 100, 199, "bad name()")))
                .containsExactly("vendorFunctions.generateKeyPair");
    }
}
