package cn.hrss.seal.bench.application;

import cn.hrss.seal.bench.crypto.Sm2Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The API data-signing rate of a running node as a ratio of raw SM2 signing on the same machine, in one run: first
 * JMH's {@value Sm2Benchmark#BC_SIGN_2_THREADS} (raw BouncyCastle, 2 threads, with the CPU-time profiler), then the
 * {@link LoadDriver} against the node, then the ratios and the verdict against the target.
 *
 * <pre>
 * SEAL_BENCH_TOKEN=... java -cp benchmarks.jar cn.hrss.seal.bench.application.ApiSignRateReport \
 *     LOAD-DRIVER-OPTIONS [--modes single,batch100,batch100-untimed] [--jit-warm-up SECONDS] --jmh JMH-OPTIONS
 * </pre>
 * Each mode is one load-driver run against the same baseline: {@code single} (one digest per request),
 * {@code batchN} (N digests per request, time-stamped), {@code batchN-untimed} (without time stamps). With
 * {@code --jit-warm-up}, every mode first runs that long unmeasured.
 * The verdict uses signatures per CPU-second of the node against raw signatures per CPU-second of the JMH JVM (the
 * rule of docs/PERFORMANCE.md on a shared machine); the wall-clock ratio is printed beside it.
 */
public final class ApiSignRateReport {
    /** Issue 5: the API signs at least at half the raw SM2 rate. */
    static final double TARGET = 0.5;

    private ApiSignRateReport() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException,
            InterruptedException {
        int split = Arrays.asList(args).indexOf("--jmh");
        List<String> driverArgs = new ArrayList<>(Arrays.asList(split < 0 ? args : Arrays.copyOfRange(args, 0, split)));
        String[] jmhArgs = split < 0 ? new String[0] : Arrays.copyOfRange(args, split + 1, args.length);
        String modes = option(driverArgs, "--modes", "single");
        long jitWarmUp = Long.parseLong(option(driverArgs, "--jit-warm-up", "0"));
        List<LoadDriver.Settings> runs;
        try {
            LoadDriver.Settings settings = LoadDriver.Settings.parse(driverArgs.toArray(String[]::new),
                    System.getenv());
            runs = modes(modes, settings);
        } catch (IllegalArgumentException e) {
            System.err.println("api-sign-rate: " + e.getMessage());
            System.exit(2);
            return;
        }

        ApplicationBenchReport.Row before = baseline(jmhArgs);

        // the node's JIT compiles for minutes under these loads: run every mode once, unmeasured, before measuring
        // any, so that no mode is measured while the compiler still takes a core
        for (LoadDriver.Settings settings : runs) {
            if (jitWarmUp > 0) {
                System.out.println("JIT warm-up: " + settings.describe() + ", " + jitWarmUp + " s");
                try {
                    new LoadDriver(settings.timed(java.time.Duration.ZERO, java.time.Duration.ofSeconds(jitWarmUp)))
                            .run();
                } catch (LoadDriver.Refused e) {
                    System.err.println("api-sign-rate: " + e.getMessage());
                    System.exit(e.status == 404 ? LoadDriver.NO_ENDPOINT : LoadDriver.REFUSED);
                    return;
                }
            }
        }
        List<LoadDriver.Result> loads = new ArrayList<>();
        for (LoadDriver.Settings settings : runs) {
            System.out.println();
            System.out.println("## Load driver: POST " + settings.path() + " on " + settings.node() + ", "
                    + settings.describe());
            LoadDriver.Result load;
            try {
                load = new LoadDriver(settings).run();
            } catch (LoadDriver.Refused e) {
                System.err.println("api-sign-rate: " + e.getMessage());
                System.exit(e.status == 404 ? LoadDriver.NO_ENDPOINT : LoadDriver.REFUSED);
                return;
            }
            load.lines().forEach(System.out::println);
            loads.add(load);
        }
        // the baseline again, after the load: a short JMH run on a shared machine can come out low, which would
        // flatter every ratio, so the higher of the two counts
        ApplicationBenchReport.Row after = baseline(jmhArgs);
        ApplicationBenchReport.Row raw = higherPerCpuSecond(before, after);
        System.out.println();
        System.out.println(format("baseline %s before the load: %,.0f per CPU-second, after: %,.0f; the ratios use "
                        + "the %s one", Sm2Benchmark.BC_SIGN_2_THREADS, before.perCpuSecond().orElse(Double.NaN),
                after.perCpuSecond().orElse(Double.NaN), raw == before ? "first" : "second"));
        for (int i = 0; i < runs.size(); i++) {
            System.out.println();
            System.out.println("## API data signing, " + runs.get(i).describe() + ", vs raw SM2 ("
                    + Sm2Benchmark.BC_SIGN_2_THREADS + ")");
            lines(loads.get(i), raw, runs.get(i).describe()).forEach(System.out::println);
        }
    }

    private static ApplicationBenchReport.Row baseline(String[] jmhArgs) throws CommandLineOptionException,
            RunnerException {
        Collection<RunResult> baseline = new Runner(new CommandLineOptions(jmhArgs)).run();
        return baseline.stream().map(ApplicationBenchReport.Row::of)
                .filter(r -> r.name().equals(Sm2Benchmark.BC_SIGN_2_THREADS)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the JMH options must run "
                        + Sm2Benchmark.BC_SIGN_2_THREADS));
    }

    /** The baseline run with more raw signatures per CPU-second (per wall second without CPU figures). */
    static ApplicationBenchReport.Row higherPerCpuSecond(ApplicationBenchReport.Row a, ApplicationBenchReport.Row b) {
        double first = a.perCpuSecond().orElse(a.score());
        double second = b.perCpuSecond().orElse(b.score());
        return second > first ? b : a;
    }

    /** Removes {@code name value} from the arguments and returns the value. */
    private static String option(List<String> args, String name, String otherwise) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return otherwise;
        }
        String value = args.remove(at + 1);
        args.remove(at);
        return value;
    }

    /** {@code single}, {@code batchN}, {@code batchN-untimed}, comma-separated. */
    static List<LoadDriver.Settings> modes(String modes, LoadDriver.Settings settings) {
        List<LoadDriver.Settings> runs = new ArrayList<>();
        for (String mode : modes.split(",")) {
            java.util.regex.Matcher batch = java.util.regex.Pattern.compile("batch(\\d+)(-untimed)?").matcher(mode);
            if (mode.equals("single")) {
                runs.add(settings.with(0, true));
            } else if (batch.matches()) {
                runs.add(settings.with(Integer.parseInt(batch.group(1)), batch.group(2) == null));
            } else {
                throw new IllegalArgumentException("unknown mode '" + mode + "': single, batchN or batchN-untimed");
            }
        }
        return runs;
    }

    static List<String> lines(LoadDriver.Result load, ApplicationBenchReport.Row raw, String mode) {
        String rawCpu = raw.perCpuSecond().isPresent()
                ? format("%,.0f per CPU-second (%.2f cores)", raw.perCpuSecond().getAsDouble(),
                        raw.cores().orElse(Double.NaN))
                : "no CPU figure (run JMH with -prof cn.hrss.seal.bench.crypto.CpuTimeProfiler)";
        OptionalDouble cpuRatio = ratio(load.perNodeCpuSecond(), raw.perCpuSecond());
        OptionalDouble totalRatio = ratio(load.perTotalCpuSecond(), raw.perCpuSecond());
        double wallRatio = load.rate() / raw.score();
        double deciding = cpuRatio.orElse(wallRatio);
        return List.of(
                format("raw SM2 sign, 2 threads: %,.0f/s wall, %s", raw.score(), rawCpu),
                format("API data signing, %d threads: %,.1f/s wall%s", load.threads(), load.rate(),
                        load.perNodeCpuSecond().isPresent()
                                ? format(", %,.1f per node CPU-second", load.perNodeCpuSecond().getAsDouble()) : ""),
                format("ratio wall: %.1f%%", 100 * wallRatio),
                cpuRatio.isPresent() ? format("ratio per CPU-second (node): %.1f%%", 100 * cpuRatio.getAsDouble())
                        : "ratio per CPU-second: not measured (give --node-pid)",
                totalRatio.isPresent()
                        ? format("ratio per CPU-second (node + driver): %.1f%%", 100 * totalRatio.getAsDouble()) : "",
                format("API data signing (%s): %.1f%% of raw SM2 sign%s (target >= %.0f%%): %s", mode, 100 * deciding,
                        cpuRatio.isPresent() ? " per node CPU-second" : " wall-clock", 100 * TARGET,
                        load.errorCount() > 0 ? "NO VERDICT (errors in the run)"
                                : deciding >= TARGET ? "MEETS" : "BELOW TARGET"));
    }

    private static OptionalDouble ratio(OptionalDouble value, OptionalDouble base) {
        return value.isPresent() && base.isPresent() && base.getAsDouble() > 0
                ? OptionalDouble.of(value.getAsDouble() / base.getAsDouble()) : OptionalDouble.empty();
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
