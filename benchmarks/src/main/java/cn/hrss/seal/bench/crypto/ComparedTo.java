package cn.hrss.seal.bench.crypto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the baseline benchmark a benchmark's score is divided by in the report, and optionally the ratio it must
 * reach. The baseline must run in the same JMH run, so both figures share the machine's state.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ComparedTo {

    /** The baseline as {@code SimpleClassName.method}, e.g. {@link Sm2Benchmark#BC_SIGN}. */
    String value();

    /** Minimum score / baseline ratio; 0 means no target. */
    double target() default 0;
}
