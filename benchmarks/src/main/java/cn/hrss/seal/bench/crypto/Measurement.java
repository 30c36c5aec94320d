package cn.hrss.seal.bench.crypto;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One benchmark's primary result, with the baseline it is compared to.
 *
 * @param benchmark {@code SimpleClassName.method}
 * @param params    JMH parameters, e.g. {@code device=soft}
 * @param threads   benchmark threads
 * @param score     operations per second
 * @param error     half-width of the 99.9% confidence interval; NaN when there were too few iterations
 * @param cores     cores the JVM kept busy, when run with {@link CpuTimeProfiler}
 * @param perCpuSecond operations per CPU-second, when run with {@link CpuTimeProfiler}
 * @param baseline  the benchmark this one is divided by, from {@link ComparedTo}
 * @param target    the ratio it must reach, 0 when none
 */
record Measurement(String benchmark, Map<String, String> params, int threads, double score, double error,
                   OptionalDouble cores, OptionalDouble perCpuSecond, Optional<String> baseline, double target) {

    Measurement {
        params = Map.copyOf(params);
    }

    static Measurement of(RunResult run) {
        BenchmarkParams p = run.getParams();
        String fullName = p.getBenchmark();
        int lastDot = fullName.lastIndexOf('.');
        String className = fullName.substring(0, lastDot);
        String method = fullName.substring(lastDot + 1);
        Map<String, String> params = new TreeMap<>();
        for (String key : p.getParamsKeys()) {
            params.put(key, p.getParam(key));
        }
        Optional<ComparedTo> comparedTo = comparedTo(className, method);
        Result<?> primary = run.getPrimaryResult();
        return new Measurement(className.substring(className.lastIndexOf('.') + 1) + "." + method, params,
                p.getThreads(), primary.getScore(), primary.getScoreError(),
                secondary(run, CpuTimeProfiler.CORES), secondary(run, CpuTimeProfiler.PER_CPU_SECOND),
                comparedTo.map(ComparedTo::value), comparedTo.map(ComparedTo::target).orElse(0.0));
    }

    private static OptionalDouble secondary(RunResult run, String label) {
        Result<?> r = run.getSecondaryResults().get(label);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.getScore());
    }

    /** The {@link ComparedTo} of a benchmark method; JMH names methods without their @State parameters. */
    static Optional<ComparedTo> comparedTo(String className, String method) {
        Class<?> type;
        try {
            type = Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class not on the class path: " + className, e);
        }
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(method))
                .map(m -> m.getAnnotation(ComparedTo.class))
                .filter(Objects::nonNull)
                .findFirst();
    }
}
