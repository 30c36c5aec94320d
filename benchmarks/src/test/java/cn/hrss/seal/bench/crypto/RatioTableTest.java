package cn.hrss.seal.bench.crypto;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class RatioTableTest {
    private static final String DEVICE_SIGN = "DeviceBenchmark.signDigest";

    private static Measurement baseline(double score, OptionalDouble cores) {
        return new Measurement(Sm2Benchmark.BC_SIGN, Map.of(), 1, score, 1.0, cores, perCore(score, cores),
                Optional.empty(), 0);
    }

    private static Measurement device(double score, OptionalDouble cores) {
        return new Measurement(DEVICE_SIGN, Map.of("device", "soft"), 1, score, Double.NaN, cores,
                perCore(score, cores), Optional.of(Sm2Benchmark.BC_SIGN), 0.9);
    }

    private static OptionalDouble perCore(double score, OptionalDouble cores) {
        return cores.isPresent() ? OptionalDouble.of(score / cores.getAsDouble()) : OptionalDouble.empty();
    }

    @Test
    void dividesByTheBaselineOfTheSameRun() {
        RatioTable table = RatioTable.of(List.of(baseline(2000, OptionalDouble.empty()),
                device(1900, OptionalDouble.empty())));

        assertThat(table.rows().get(1).ratio()).hasValue(0.95);
        assertThat(table.rows().get(1).cpuRatio()).isEmpty();
        assertThat(table.rows().get(1).meetsTarget()).isTrue();
        assertThat(table.rows().get(0).ratio()).isEmpty();
        assertThat(table.verdicts()).containsExactly(
                DEVICE_SIGN + " [device=soft]: 95.0% of Sm2Benchmark.bcSign (target >= 90%): MEETS");
    }

    @Test
    void flagsARatioBelowTarget() {
        RatioTable table = RatioTable.of(List.of(baseline(2000, OptionalDouble.empty()),
                device(1700, OptionalDouble.empty())));

        assertThat(table.rows().get(1).meetsTarget()).isFalse();
        assertThat(table.verdicts()).singleElement().asString()
                .endsWith("85.0% of Sm2Benchmark.bcSign (target >= 90%): BELOW TARGET");
    }

    @Test
    void ratioPerCpuSecondDecidesWhenTheMachineWasBusy() {
        // the device ran while neighbours took half the CPU: wall ratio 0.5, per CPU-second 1.0
        RatioTable table = RatioTable.of(List.of(baseline(2000, OptionalDouble.of(1.0)),
                device(1000, OptionalDouble.of(0.5))));

        RatioTable.Row row = table.rows().get(1);
        assertThat(row.ratio()).hasValue(0.5);
        assertThat(row.cpuRatio()).hasValue(1.0);
        assertThat(row.meetsTarget()).isTrue();
        assertThat(table.verdicts()).singleElement().asString()
                .endsWith("100.0% of Sm2Benchmark.bcSign per CPU-second (target >= 90%): MEETS");
    }

    @Test
    void givesNoRatioWhenTheBaselineDidNotRun() {
        RatioTable table = RatioTable.of(List.of(device(1700, OptionalDouble.of(1.0))));

        assertThat(table.rows().get(0).ratio()).isEmpty();
        assertThat(table.rows().get(0).cpuRatio()).isEmpty();
        assertThat(table.rows().get(0).meetsTarget()).isFalse();
        assertThat(table.verdicts()).singleElement().asString().contains("baseline Sm2Benchmark.bcSign missing");
    }

    @Test
    void convertsHashesPerSecondToMegabytesPerSecond() {
        Measurement sm3 = new Measurement("Sm3Benchmark.sm3", Map.of(Sm3Benchmark.BYTES_PARAM, "1048576"), 1,
                200, 2, OptionalDouble.of(0.8), OptionalDouble.of(250), Optional.empty(), 0);

        RatioTable table = RatioTable.of(List.of(sm3));

        assertThat(table.rows().get(0).megabytes(OptionalDouble.of(200))).hasValue(200 * 1048576 / 1e6);
        assertThat(table.toMarkdown())
                .contains("| Sm3Benchmark.sm3 | bytes=1048576 | 1 | 200 | 2.00 | 0.80 | 250 | 209.7 | 262.1 |  |  |  |");
    }

    @Test
    void rendersRatiosInTheMarkdownTable() {
        String markdown = RatioTable.of(List.of(baseline(2000, OptionalDouble.of(1.0)),
                device(1900, OptionalDouble.of(0.95)))).toMarkdown();

        assertThat(markdown.lines()).containsExactly(
                "| benchmark | params | threads | ops/s | ± (99.9%) | cores | ops per CPU-s | MB/s | MB per CPU-s"
                        + " | ratio | ratio per CPU-s | baseline |",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
                "| Sm2Benchmark.bcSign |  | 1 | 2,000 | 1.00 | 1.00 | 2,000 |  |  |  |  |  |",
                "| DeviceBenchmark.signDigest | device=soft | 1 | 1,900 |  | 0.95 | 2,000 |  |  | 0.950 | 1.000"
                        + " | Sm2Benchmark.bcSign |");
    }
}
