package cn.hrss.seal.bench.status;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CPU time of the benchmark JVM plus the PostgreSQL backends serving the benchmark database, per iteration. A
 * database query spends much of its CPU in the server process, which the JVM's own CPU time does not see, so the
 * crypto suite's JVM-only figure would flatter the database paths. Client backends are found through {@code /proc}:
 * their process title is {@code postgres: [CLUSTER: ]USER DATABASE HOST(PORT) STATE} (same machine, Linux).
 * Autovacuum workers are not counted: they are not the benchmark's work, and one that ends inside an iteration
 * would take its CPU time out of the sum. Throughput mode: cores used and
 * operations per CPU-second; single-shot mode: CPU-seconds per operation. Use with
 * {@code -prof cn.hrss.seal.bench.status.DatabaseCpuProfiler}.
 */
public final class DatabaseCpuProfiler implements InternalProfiler {
    static final String CORES = "cpu.cores";
    static final String PER_CPU_SECOND = "cpu.ops";
    static final String CPU_SECONDS_PER_OP = "cpu.s/op";
    private static final Path PROC = Path.of("/proc");
    /** Linux USER_HZ, the unit of utime and stime in /proc/PID/stat; 100 on every mainstream kernel. */
    private static final double TICKS_PER_SECOND = 100;

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private Map<String, Long> backendsStart = Map.of();
    private long iterationStartTick;
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU time of the JVM and of the benchmark database's PostgreSQL backends";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        iterationStartTick = uptimeTicks();
        backendsStart = backendTicks(Map.of(), 0);
        cpuStart = cpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
        double jvmSeconds = (cpuNanos() - cpuStart) / 1e9;
        // a backend that started during the iteration counts from zero
        double cpuSeconds = jvmSeconds + (sum(backendTicks(backendsStart, iterationStartTick)) - sum(backendsStart)) / TICKS_PER_SECOND;
        double cores = cpuSeconds / wallSeconds;
        if (benchmarkParams.getMode() == org.openjdk.jmh.annotations.Mode.SingleShotTime) {
            long ops = (long) iterationParams.getBatchSize() * benchmarkParams.getThreads();
            return List.of(new ScalarResult(CORES, cores, "cores", AggregationPolicy.AVG),
                    new ScalarResult(CPU_SECONDS_PER_OP, cpuSeconds / ops, "CPU-s/op", AggregationPolicy.AVG));
        }
        return List.of(new ScalarResult(CORES, cores, "cores", AggregationPolicy.AVG),
                new ScalarResult(PER_CPU_SECOND, result.getPrimaryResult().getScore() / cores,
                        result.getScoreUnit() + " per core", AggregationPolicy.AVG));
    }

    private long cpuNanos() {
        return os.getProcessCpuTime();
    }

    /**
     * CPU ticks of the backends serving the benchmark database, by process id. Backends already known are read by
     * id only: their title changes with every statement, and a read of it that races the change must not make a
     * running backend disappear from the sum.
     */
    private static Map<String, Long> backendTicks(Map<String, Long> known, long startedAfterTick) {
        Map<String, Long> ticks = new HashMap<>();
        known.forEach((pid, before) -> ticks.put(pid, stat(PROC.resolve(pid)).orElse(before)));
        String url = System.getProperty(BenchDatabase.URL_PROPERTY);
        if (url == null || !Files.isDirectory(PROC)) {
            return ticks;
        }
        String title = " " + System.getProperty(BenchDatabase.USER_PROPERTY) + " " + url.substring(url.lastIndexOf('/') + 1)
                + " ";
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC,
                p -> isPid(p.getFileName().toString()) && !known.containsKey(p.getFileName().toString()))) {
            for (Path process : processes) {
                // one that started before the iteration but was missed then must not bring its past CPU time
                if (isBackend(process, title) && startTick(process) >= startedAfterTick) {
                    stat(process).ifPresent(t -> ticks.put(process.getFileName().toString(), t));
                }
            }
        } catch (IOException e) {
            // /proc not listable: the JVM's CPU time alone
        }
        return ticks;
    }

    private static boolean isBackend(Path process, String title) {
        try {
            String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            return cmdline.startsWith("postgres: ") && cmdline.contains(title);
        } catch (IOException e) {
            return false; // ended meanwhile, or not readable
        }
    }

    /** User + system ticks of a process. */
    private static Optional<Long> stat(Path process) {
        // fields after the parenthesised command name: state is field 3, utime 14, stime 15
        return statFields(process).map(f -> Long.parseLong(f[11]) + Long.parseLong(f[12]));
    }

    /** When a process started, in ticks since boot (field 22); MAX_VALUE when unknown. */
    private static long startTick(Path process) {
        return statFields(process).map(f -> Long.parseLong(f[19])).orElse(Long.MAX_VALUE);
    }

    private static Optional<String[]> statFields(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            return Optional.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Ticks since boot, the clock of a process's start time. */
    private static long uptimeTicks() {
        try {
            String uptime = Files.readString(PROC.resolve("uptime"));
            return (long) (Double.parseDouble(uptime.substring(0, uptime.indexOf(' '))) * TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long sum(Map<String, Long> ticks) {
        return ticks.values().stream().mapToLong(Long::longValue).sum();
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
