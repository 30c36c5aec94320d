package cn.hrss.seal.bench.application;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The ratio and the verdict: per node CPU-second when the node's CPU time is known, no verdict with errors. */
class ApiSignRateReportTest {
    private static final ApplicationBenchReport.Row RAW = new ApplicationBenchReport.Row(
            "Sm2Benchmark.bcSign2Threads", "", 2, 20_000, 100, OptionalDouble.of(1.6), OptionalDouble.of(12_500),
            Optional.empty(), null);

    @Test
    void decidesPerNodeCpuSecond() {
        // 3,000/s wall on 0.4 node cores: 7,500 per node CPU-second = 60 % of 12,500; wall ratio only 15 %
        LoadDriver.Result load = new LoadDriver.Result(2, 10, 30_000, Map.of(), new long[] {1}, OptionalDouble.of(4),
                2, null, Map.of());

        assertThat(ApiSignRateReport.lines(load, RAW, "single requests"))
                .contains("ratio wall: 15.0%", "ratio per CPU-second (node): 60.0%",
                        "ratio per CPU-second (node + driver): 40.0%")
                .last().asString().endsWith("per node CPU-second (target >= 50%): MEETS");
    }

    @Test
    void theHigherOfTheTwoBaselinesCounts() {
        ApplicationBenchReport.Row low = new ApplicationBenchReport.Row("Sm2Benchmark.bcSign2Threads", "", 2, 14_000,
                100, OptionalDouble.of(1.96), OptionalDouble.of(7_000), Optional.empty(), null);
        assertThat(ApiSignRateReport.higherPerCpuSecond(low, RAW)).isSameAs(RAW);
        assertThat(ApiSignRateReport.higherPerCpuSecond(RAW, low)).isSameAs(RAW);
    }

    @Test
    void runsEachModeAgainstTheSameNode() {
        LoadDriver.Settings base = LoadDriver.Settings.parse(new String[] {"--node", "http://127.0.0.1:9", "--es-id",
                "E1", "--purpose", "p"}, Map.of(LoadDriver.TOKEN_ENV, "t"));
        assertThat(ApiSignRateReport.modes("single,batch100,batch20-untimed", base))
                .extracting(LoadDriver.Settings::describe)
                .containsExactly("single requests", "batches of 100, time-stamped", "batches of 20, without time stamps");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiSignRateReport.modes("batch", base))
                .hasMessageContaining("unknown mode");
    }

    @Test
    void fallsBackToWallClockAndGivesNoVerdictWithErrors() {
        LoadDriver.Result load = new LoadDriver.Result(2, 10, 30_000, Map.of("500", 3L), new long[] {1},
                OptionalDouble.empty(), 2, "500 {}", Map.of());

        assertThat(ApiSignRateReport.lines(load, RAW, "single requests")).last().asString()
                .isEqualTo("API data signing (single requests): 15.0% of raw SM2 sign wall-clock (target >= 50%): "
                        + "NO VERDICT (errors in the run)");
    }
}
