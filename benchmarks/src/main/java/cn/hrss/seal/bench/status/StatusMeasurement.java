package cn.hrss.seal.bench.status;

import cn.hrss.seal.bench.crypto.ComparedTo;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One status benchmark's result with the CPU figures of {@link DatabaseCpuProfiler} and its {@link ComparedTo}
 * baseline. Throughput benchmarks compare operations per second (ratio below 1: slower than the baseline);
 * single-shot benchmarks compare seconds per operation (ratio above 1: slower). Pure data in, text out.
 *
 * @param benchmark {@code SimpleClassName.method}
 * @param mode      JMH mode
 * @param threads   benchmark threads
 * @param score     ops/s in throughput mode, s/op in single-shot mode
 * @param error     half-width of the 99.9% confidence interval; NaN with too few iterations
 * @param cores     cores the JVM and its database backends kept busy
 * @param perCpu    ops per CPU-second (throughput) or CPU-seconds per op (single shot)
 * @param baseline  the benchmark this one is compared to
 */
record StatusMeasurement(String benchmark, Mode mode, int threads, double score, double error, OptionalDouble cores,
                         OptionalDouble perCpu, Optional<String> baseline) {

    static StatusMeasurement of(RunResult run) {
        BenchmarkParams p = run.getParams();
        String fullName = p.getBenchmark();
        String className = fullName.substring(0, fullName.lastIndexOf('.'));
        String method = fullName.substring(fullName.lastIndexOf('.') + 1);
        Result<?> primary = run.getPrimaryResult();
        String perCpuLabel = p.getMode() == Mode.SingleShotTime
                ? DatabaseCpuProfiler.CPU_SECONDS_PER_OP : DatabaseCpuProfiler.PER_CPU_SECOND;
        return new StatusMeasurement(className.substring(className.lastIndexOf('.') + 1) + "." + method,
                p.getMode(), p.getThreads(), primary.getScore(), primary.getScoreError(),
                secondary(run, DatabaseCpuProfiler.CORES), secondary(run, perCpuLabel), baselineOf(className, method));
    }

    /** Markdown table, ready for docs/PERFORMANCE.md. */
    static String toMarkdown(List<StatusMeasurement> measurements) {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | threads | score | ± (99.9%) | unit | cores (JVM + PostgreSQL) | per CPU | ratio"
                + " | ratio per CPU | baseline |\n");
        out.append("|---|---:|---:|---:|---|---:|---:|---:|---:|---|\n");
        for (StatusMeasurement m : measurements) {
            Optional<StatusMeasurement> base = m.baseline().flatMap(name -> measurements.stream()
                    .filter(b -> b.benchmark().equals(name)).findFirst());
            boolean singleShot = m.mode() == Mode.SingleShotTime;
            out.append("| ").append(m.benchmark())
                    .append(" | ").append(m.threads())
                    .append(" | ").append(number(m.score()))
                    .append(" | ").append(Double.isNaN(m.error()) ? "" : number(m.error()))
                    .append(" | ").append(singleShot ? "s/op" : "ops/s")
                    .append(" | ").append(fixed(m.cores()))
                    .append(" | ").append(m.perCpu().isPresent()
                            ? number(m.perCpu().getAsDouble()) + (singleShot ? " CPU-s/op" : " ops/CPU-s") : "")
                    .append(" | ").append(base.map(b -> fixed(OptionalDouble.of(m.score() / b.score()))).orElse(""))
                    .append(" | ").append(base.map(b -> fixed(ratio(m.perCpu(), b.perCpu()))).orElse(""))
                    .append(" | ").append(base.isPresent() ? m.baseline().orElseThrow() : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static OptionalDouble ratio(OptionalDouble value, OptionalDouble base) {
        return value.isPresent() && base.isPresent()
                ? OptionalDouble.of(value.getAsDouble() / base.getAsDouble()) : OptionalDouble.empty();
    }

    private static OptionalDouble secondary(RunResult run, String label) {
        Result<?> r = run.getSecondaryResults().get(label);
        return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.getScore());
    }

    private static Optional<String> baselineOf(String className, String method) {
        try {
            return Arrays.stream(Class.forName(className).getMethods())
                    .filter(m -> m.getName().equals(method))
                    .map(m -> m.getAnnotation(ComparedTo.class))
                    .filter(Objects::nonNull)
                    .map(ComparedTo::value)
                    .findFirst();
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("benchmark class not on the class path: " + className, e);
        }
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fixed(OptionalDouble v) {
        return v.isPresent() ? String.format(Locale.ROOT, "%.3f", v.getAsDouble()) : "";
    }
}
