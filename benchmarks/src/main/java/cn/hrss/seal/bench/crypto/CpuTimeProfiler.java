package cn.hrss.seal.bench.crypto;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

/**
 * Measures the benchmark JVM's CPU time per iteration and reports the cores it used and its score per CPU-second.
 * On a shared machine the wall-clock score follows the neighbours' load; the score per CPU-second does much less,
 * so ratios between benchmarks measured minutes apart stay meaningful. Use with
 * {@code -prof cn.hrss.seal.bench.crypto.CpuTimeProfiler}; meaningful in throughput mode only.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    /** Secondary result: average number of cores the JVM kept busy during the iteration. */
    static final String CORES = "cpu.cores";
    /** Secondary result: operations per CPU-second (wall score divided by {@link #CORES}). */
    static final String PER_CPU_SECOND = "cpu.ops";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuStart;
    private long wallStart;

    @Override
    public String getDescription() {
        return "JVM CPU time per iteration: cores used and operations per CPU-second";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuStart = os.getProcessCpuTime();
        wallStart = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams,
                                                       IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuStart;
        long wall = System.nanoTime() - wallStart;
        double cores = (double) cpu / wall;
        return List.of(
                new ScalarResult(CORES, cores, "cores", AggregationPolicy.AVG),
                new ScalarResult(PER_CPU_SECOND, result.getPrimaryResult().getScore() / cores,
                        result.getScoreUnit() + " per core", AggregationPolicy.AVG));
    }
}
