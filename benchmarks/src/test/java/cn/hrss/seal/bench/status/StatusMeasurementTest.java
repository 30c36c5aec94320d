package cn.hrss.seal.bench.status;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class StatusMeasurementTest {

    @Test
    void dividesEachScoreAndCpuFigureByItsBaselineFromTheSameRun() {
        StatusMeasurement base = throughput("Q.jdbc", 20_000, 0.8, 25_000, Optional.empty());
        StatusMeasurement module = throughput("Q.module", 10_000, 1.0, 10_000, Optional.of("Q.jdbc"));

        String table = StatusMeasurement.toMarkdown(List.of(base, module));

        assertThat(table).contains("| Q.module | 1 | 10,000 |  | ops/s | 1.000 | 10,000 ops/CPU-s | 0.500 | 0.400"
                + " | Q.jdbc |");
        assertThat(table).contains("| Q.jdbc | 1 | 20,000 |  | ops/s | 0.800 | 25,000 ops/CPU-s |  |  |  |");
    }

    @Test
    void singleShotRowsCompareTimesPerOperation() {
        StatusMeasurement stream = new StatusMeasurement("L.stream", Mode.SingleShotTime, 1, 0.2, 0.01,
                OptionalDouble.of(0.9), OptionalDouble.of(0.18), Optional.empty());
        StatusMeasurement publish = new StatusMeasurement("L.publish", Mode.SingleShotTime, 1, 0.5, 0.05,
                OptionalDouble.of(0.9), OptionalDouble.of(0.45), Optional.of("L.stream"));

        assertThat(StatusMeasurement.toMarkdown(List.of(stream, publish)))
                .contains("| L.publish | 1 | 0.500 | 0.050 | s/op | 0.900 | 0.450 CPU-s/op | 2.500 | 2.500 | L.stream |");
    }

    @Test
    void leavesTheRatioEmptyWhenTheBaselineDidNotRun() {
        StatusMeasurement orphan = throughput("Q.module", 10_000, 1.0, 10_000, Optional.of("Q.jdbc"));

        assertThat(StatusMeasurement.toMarkdown(List.of(orphan)))
                .contains("| Q.module | 1 | 10,000 |  | ops/s | 1.000 | 10,000 ops/CPU-s |  |  |  |");
    }

    private static StatusMeasurement throughput(String name, double score, double cores, double perCpu,
                                                Optional<String> baseline) {
        return new StatusMeasurement(name, Mode.Throughput, 1, score, Double.NaN, OptionalDouble.of(cores),
                OptionalDouble.of(perCpu), baseline);
    }
}
