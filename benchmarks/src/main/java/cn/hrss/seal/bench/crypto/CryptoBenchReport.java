package cn.hrss.seal.bench.crypto;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

import java.util.Collection;
import java.util.List;

/**
 * Runs the crypto benchmarks with ordinary JMH command-line options and prints the ratio summary after JMH's own
 * output. Used by {@code scripts/bench-crypto.sh}; {@code java -jar benchmarks.jar} stays plain JMH.
 */
public final class CryptoBenchReport {
    private CryptoBenchReport() {
    }

    public static void main(String[] args) throws CommandLineOptionException, RunnerException {
        Collection<RunResult> results = new Runner(new CommandLineOptions(args)).run();
        List<Measurement> measurements = results.stream().map(Measurement::of).toList();
        RatioTable table = RatioTable.of(measurements);
        System.out.println();
        System.out.println("## Summary (ratios to raw BouncyCastle in this run)");
        System.out.println();
        System.out.print(table.toMarkdown());
        System.out.println();
        table.verdicts().forEach(System.out::println);
    }
}
