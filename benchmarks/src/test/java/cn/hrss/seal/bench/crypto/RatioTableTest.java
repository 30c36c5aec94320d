package cn.hrss.seal.bench.crypto;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RatioTableTest {

    private static Measurement baseline(String name, double score) {
        return new Measurement(name, Map.of(), 1, score, 1.0, Optional.empty(), 0);
    }

    private static Measurement compared(String name, double score, String baseline, double target) {
        return new Measurement(name, Map.of("device", "soft"), 1, score, Double.NaN, Optional.of(baseline), target);
    }

    @Test
    void dividesByTheBaselineOfTheSameRun() {
        RatioTable table = RatioTable.of(List.of(
                baseline(Sm2Benchmark.BC_SIGN, 2000),
                compared("DeviceBenchmark.signDigest", 1900, Sm2Benchmark.BC_SIGN, 0.9)));

        assertThat(table.rows().get(1).ratio()).hasValue(0.95);
        assertThat(table.rows().get(1).meetsTarget()).isTrue();
        assertThat(table.rows().get(0).ratio()).isEmpty();
        assertThat(table.verdicts()).containsExactly(
                "DeviceBenchmark.signDigest [device=soft]: 95.0% of Sm2Benchmark.bcSign (target >= 90%): MEETS");
    }

    @Test
    void flagsARatioBelowTarget() {
        RatioTable table = RatioTable.of(List.of(
                baseline(Sm2Benchmark.BC_SIGN, 2000),
                compared("DeviceBenchmark.signDigest", 1700, Sm2Benchmark.BC_SIGN, 0.9)));

        assertThat(table.rows().get(1).meetsTarget()).isFalse();
        assertThat(table.verdicts()).singleElement().asString().endsWith("85.0% of Sm2Benchmark.bcSign (target >= 90%): BELOW TARGET");
    }

    @Test
    void givesNoRatioWhenTheBaselineDidNotRun() {
        RatioTable table = RatioTable.of(List.of(
                compared("DeviceBenchmark.signDigest", 1700, Sm2Benchmark.BC_SIGN, 0.9)));

        assertThat(table.rows().get(0).ratio()).isEmpty();
        assertThat(table.rows().get(0).meetsTarget()).isFalse();
        assertThat(table.verdicts()).singleElement().asString().contains("baseline Sm2Benchmark.bcSign missing");
    }

    @Test
    void convertsHashesPerSecondToMegabytesPerSecond() {
        Measurement sm3 = new Measurement("Sm3Benchmark.sm3", Map.of(Sm3Benchmark.BYTES_PARAM, "1048576"), 1,
                200, 2, Optional.empty(), 0);

        RatioTable table = RatioTable.of(List.of(sm3));

        assertThat(table.rows().get(0).megabytesPerSecond()).hasValue(200 * 1048576 / 1e6);
        assertThat(table.toMarkdown()).contains("| Sm3Benchmark.sm3 | bytes=1048576 | 1 | 200 | 2.00 | 209.7 |  |");
    }

    @Test
    void rendersRatiosInTheMarkdownTable() {
        String markdown = RatioTable.of(List.of(
                baseline(Sm2Benchmark.BC_SIGN, 2000),
                compared("DeviceBenchmark.signDigest", 1900, Sm2Benchmark.BC_SIGN, 0.9))).toMarkdown();

        assertThat(markdown.lines()).containsExactly(
                "| benchmark | params | threads | ops/s | ± (99.9%) | MB/s | ratio to baseline |",
                "|---|---|---:|---:|---:|---:|---|",
                "| Sm2Benchmark.bcSign |  | 1 | 2,000 | 1.00 |  |  |",
                "| DeviceBenchmark.signDigest | device=soft | 1 | 1,900 |  |  | 0.950 of Sm2Benchmark.bcSign |");
    }
}
