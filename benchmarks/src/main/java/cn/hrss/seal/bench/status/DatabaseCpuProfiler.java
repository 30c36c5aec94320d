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
import java.util.List;

/**
 * CPU time of the benchmark JVM plus the PostgreSQL backends serving the benchmark database, per iteration. A
 * database query spends much of its CPU in the server process, which the JVM's own CPU time does not see, so the
 * crypto suite's JVM-only figure would flatter the database paths. Backends are found through {@code /proc}: their
 * process title is {@code postgres: USER DATABASE ...} (same machine, Linux). Throughput mode: cores used and
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
    private long wallStart;

    @Override
    public String getDescription() {
        return "CPU time of the JVM and of the benchmark database's PostgreSQL backends";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = cpuNanos();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        double cpuSeconds = (cpuNanos() - cpuStart) / 1e9;
        double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
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
        return os.getProcessCpuTime() + backendCpuNanos();
    }

    /** Summed user + system time of the backends connected to the benchmark database; 0 when it is not known. */
    private static long backendCpuNanos() {
        String url = System.getProperty(BenchDatabase.URL_PROPERTY);
        if (url == null || !Files.isDirectory(PROC)) {
            return 0;
        }
        String title = " " + url.substring(url.lastIndexOf('/') + 1) + " ";
        long ticks = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, p -> isPid(p.getFileName().toString()))) {
            for (Path process : processes) {
                ticks += backendTicks(process, title);
            }
        } catch (IOException e) {
            return 0;
        }
        return (long) (ticks / TICKS_PER_SECOND * 1e9);
    }

    private static long backendTicks(Path process, String title) {
        try {
            String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            if (!cmdline.startsWith("postgres: ") || !cmdline.contains(title)) {
                return 0;
            }
            String stat = Files.readString(process.resolve("stat"));
            // fields after the parenthesised command name: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile, or is not readable
        }
    }

    private static boolean isPid(String name) {
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }
}
