package cn.hrss.seal.bench.application;

import cn.hrss.seal.bench.crypto.ComparedTo;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.util.Statistics;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Runs the seal-application benchmarks (with the raw SM2 baselines in the same run) on ordinary JMH command-line
 * options and prints after JMH's output: throughput rows with their ratio to the {@link ComparedTo} baseline, per
 * wall- and per CPU-second (with {@code -prof cn.hrss.seal.bench.crypto.CpuTimeProfiler}); latency rows
 * (SampleTime) with p50 / p99 / p99.9 and their CPU time, also expressed in raw SM2 signatures of the same run.
 * Used by {@code scripts/bench-application.sh}.
 */
public final class ApplicationBenchReport {
    /** Secondary results of {@link cn.hrss.seal.bench.crypto.CpuTimeProfiler}. */
    private static final String CORES = "cpu.cores";
    private static final String PER_CPU_SECOND = "cpu.ops";
    private static final String SIGN_BASELINE = "Sm2Benchmark.bcSign";

    private ApplicationBenchReport() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        List<Row> rows = results.stream().map(Row::of).toList();
        System.out.println();
        System.out.println("## Summary: throughput (ratios to raw BouncyCastle SM2 in this run)");
        System.out.println();
        System.out.print(throughputTable(rows));
        System.out.println();
        System.out.println("## Summary: latency");
        System.out.println();
        System.out.print(latencyTable(rows));
    }

    static String throughputTable(List<Row> rows) {
        StringBuilder out = new StringBuilder("| benchmark | threads | ops/s | ± (99.9%) | cores | ops per CPU-s"
                + " | ratio | ratio per CPU-s | baseline |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            if (r.latency() != null) {
                continue;
            }
            Optional<Row> base = r.baseline().flatMap(name -> find(rows, name));
            out.append("| ").append(r.name()).append(" | ").append(r.threads())
                    .append(" | ").append(number(r.score())).append(" | ").append(number(r.error()))
                    .append(" | ").append(fixed("%.2f", r.cores()))
                    .append(" | ").append(r.perCpuSecond().isPresent() ? number(r.perCpuSecond().getAsDouble()) : "")
                    .append(" | ").append(base.map(b -> format("%.3f", r.score() / b.score())).orElse(""))
                    .append(" | ").append(base.filter(b -> r.perCpuSecond().isPresent() && b.perCpuSecond().isPresent())
                            .map(b -> format("%.3f", r.perCpuSecond().getAsDouble() / b.perCpuSecond().getAsDouble()))
                            .orElse(""))
                    .append(" | ").append(base.isPresent() ? r.baseline().get() : "").append(" |\n");
        }
        return out.toString();
    }

    /**
     * Latencies in milliseconds (wall-clock: what a caller waits). On a shared machine they follow the neighbours'
     * load, so two CPU columns beside them: CPU milliseconds per operation (mean × cores the JVM kept busy, JIT and
     * GC included) and that CPU time in raw SM2 signatures ({@value #SIGN_BASELINE} per CPU-second, same run).
     */
    static String latencyTable(List<Row> rows) {
        OptionalDouble signPerCpu = find(rows, SIGN_BASELINE).map(Row::perCpuSecond).orElse(OptionalDouble.empty());
        StringBuilder out = new StringBuilder("| benchmark | params | samples | p50 ms | p99 ms | p99.9 ms | max ms"
                + " | mean ms | cores | CPU ms per op | in raw signatures |\n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            Latency l = r.latency();
            if (l == null) {
                continue;
            }
            OptionalDouble cpuMs = r.cores().isPresent()
                    ? OptionalDouble.of(l.mean() * r.cores().getAsDouble()) : OptionalDouble.empty();
            out.append("| ").append(r.name()).append(" | ").append(r.params())
                    .append(" | ").append(l.samples())
                    .append(" | ").append(format("%.2f", l.p50())).append(" | ").append(format("%.2f", l.p99()))
                    .append(" | ").append(format("%.2f", l.p999())).append(" | ").append(format("%.2f", l.max()))
                    .append(" | ").append(format("%.2f", l.mean()))
                    .append(" | ").append(fixed("%.2f", r.cores()))
                    .append(" | ").append(fixed("%.2f", cpuMs))
                    .append(" | ").append(cpuMs.isPresent() && signPerCpu.isPresent()
                            ? format("%.0f", cpuMs.getAsDouble() / 1000 * signPerCpu.getAsDouble()) : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    private static Optional<Row> find(List<Row> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name) && r.latency() == null).findFirst();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : v >= 100 ? format("%,.0f", v) : format("%.2f", v);
    }

    private static String fixed(String pattern, OptionalDouble v) {
        return v.isPresent() ? format(pattern, v.getAsDouble()) : "";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** Percentiles of a SampleTime result, in milliseconds. */
    record Latency(long samples, double mean, double p50, double p99, double p999, double max) {
    }

    /**
     * One benchmark's result.
     *
     * @param latency null for throughput benchmarks
     */
    record Row(String name, String params, int threads, double score, double error, OptionalDouble cores,
               OptionalDouble perCpuSecond, Optional<String> baseline, Latency latency) {

        static Row of(RunResult run) {
            BenchmarkParams p = run.getParams();
            String fullName = p.getBenchmark();
            int lastDot = fullName.lastIndexOf('.');
            String className = fullName.substring(0, lastDot);
            String method = fullName.substring(lastDot + 1);
            String params = p.getParamsKeys().stream().map(k -> k + "=" + p.getParam(k))
                    .collect(Collectors.joining(", "));
            Result<?> primary = run.getPrimaryResult();
            Latency latency = null;
            if (p.getMode() == Mode.SampleTime) {
                Statistics s = primary.getStatistics();
                double toMs = p.getTimeUnit().toNanos(1) / 1e6;
                latency = new Latency(s.getN(), s.getMean() * toMs, s.getPercentile(50) * toMs, s.getPercentile(99) * toMs,
                        s.getPercentile(99.9) * toMs, s.getMax() * toMs);
            }
            OptionalDouble cores = secondary(run, CORES);
            return new Row(className.substring(className.lastIndexOf('.') + 1) + "." + method, params,
                    p.getThreads(), primary.getScore(), primary.getScoreError(), cores,
                    latency == null ? secondary(run, PER_CPU_SECOND) : OptionalDouble.empty(),
                    comparedTo(className, method).map(ComparedTo::value), latency);
        }

        private static OptionalDouble secondary(RunResult run, String label) {
            Result<?> r = run.getSecondaryResults().get(label);
            return r == null ? OptionalDouble.empty() : OptionalDouble.of(r.getScore());
        }

        private static Optional<ComparedTo> comparedTo(String className, String method) {
            try {
                return Arrays.stream(Class.forName(className).getMethods())
                        .filter(m -> m.getName().equals(method))
                        .map(m -> m.getAnnotation(ComparedTo.class))
                        .filter(Objects::nonNull)
                        .findFirst();
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("benchmark class not on the class path: " + className, e);
            }
        }
    }
}
