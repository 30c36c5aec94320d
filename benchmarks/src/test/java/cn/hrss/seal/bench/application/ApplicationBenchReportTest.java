package cn.hrss.seal.bench.application;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary tables: ratios to the named baseline, latency with its CPU time in raw signatures. */
class ApplicationBenchReportTest {
    private static final ApplicationBenchReport.Row SIGN = new ApplicationBenchReport.Row("Sm2Benchmark.bcSign", "",
            1, 8_000, 100, OptionalDouble.of(0.5), OptionalDouble.of(16_000), Optional.empty(), null);

    @Test
    void throughputRowsAreDividedByTheirBaselineWallAndPerCpu() {
        var data = new ApplicationBenchReport.Row("DataSigningBenchmark.bcSignTbs", "", 1, 2_000, 10,
                OptionalDouble.of(1.0), OptionalDouble.of(2_000), Optional.of("Sm2Benchmark.bcSign"), null);

        assertThat(ApplicationBenchReport.throughputTable(List.of(data, SIGN)))
                .contains("| DataSigningBenchmark.bcSignTbs | 1 | 2,000 | 10.00 | 1.00 | 2,000 | 0.250 | 0.125"
                        + " | Sm2Benchmark.bcSign |");
    }

    @Test
    void latencyRowsGiveTheirCpuTimeInRawSignatures() {
        // mean 50 ms on 0.8 cores = 40 CPU-ms = 640 signatures at 16,000 per CPU-second
        var pdf = new ApplicationBenchReport.Row("PdfSigningBenchmark.signPdf", "pages=1", 1, 50, 1,
                OptionalDouble.of(0.8), OptionalDouble.empty(), Optional.empty(),
                new ApplicationBenchReport.Latency(100, 50, 45, 90, 99, 120));

        assertThat(ApplicationBenchReport.latencyTable(List.of(SIGN, pdf)))
                .contains("| PdfSigningBenchmark.signPdf | pages=1 | 100 | 45.00 | 90.00 | 99.00 | 120.00 | 50.00"
                        + " | 0.80 | 40.00 | 640 |")
                .doesNotContain("Sm2Benchmark.bcSign |");
    }
}
