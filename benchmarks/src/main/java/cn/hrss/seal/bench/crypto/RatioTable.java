package cn.hrss.seal.bench.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The summary of one JMH run: every score next to its ratio to the baseline measured in the same run, and MB/s
 * for benchmarks over a byte count. With {@link CpuTimeProfiler} results it also gives the ratio per CPU-second,
 * which is the one to trust on a loaded machine. Pure data in, text out, so it is tested without running JMH.
 */
final class RatioTable {
    private final List<Row> rows;

    private RatioTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static RatioTable of(List<Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            Optional<Measurement> base = m.baseline().flatMap(name -> find(measurements, name));
            rows.add(new Row(m,
                    ratio(m, base, x -> OptionalDouble.of(x.score())),
                    ratio(m, base, Measurement::perCpuSecond)));
        }
        return new RatioTable(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** Markdown table, ready for docs/PERFORMANCE.md. */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | params | threads | ops/s | ± (99.9%) | cores | ops per CPU-s | MB/s"
                + " | MB per CPU-s | ratio | ratio per CPU-s | baseline |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Measurement m = r.measurement();
            out.append("| ").append(m.benchmark())
                    .append(" | ").append(params(m))
                    .append(" | ").append(m.threads())
                    .append(" | ").append(number(m.score()))
                    .append(" | ").append(Double.isNaN(m.error()) ? "" : number(m.error()))
                    .append(" | ").append(fixed("%.2f", m.cores()))
                    .append(" | ").append(m.perCpuSecond().isPresent() ? number(m.perCpuSecond().getAsDouble()) : "")
                    .append(" | ").append(fixed("%.1f", r.megabytes(OptionalDouble.of(m.score()))))
                    .append(" | ").append(fixed("%.1f", r.megabytes(m.perCpuSecond())))
                    .append(" | ").append(fixed("%.3f", r.ratio()))
                    .append(" | ").append(fixed("%.3f", r.cpuRatio()))
                    .append(" | ").append(r.ratio().isPresent() ? m.baseline().orElseThrow() : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    /**
     * One line per benchmark with a target: its ratio and whether it meets the target. The ratio per CPU-second
     * decides when it was measured, the wall-clock ratio otherwise.
     */
    List<String> verdicts() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Measurement m = r.measurement();
            if (m.target() <= 0) {
                continue;
            }
            String name = m.benchmark() + (m.params().isEmpty() ? "" : " [" + params(m) + "]");
            String baseline = m.baseline().orElseThrow();
            if (r.decidingRatio().isEmpty()) {
                out.add(format("%s: baseline %s missing from this run, no verdict", name, baseline));
            } else {
                out.add(format("%s: %.1f%% of %s%s (target >= %.0f%%): %s", name,
                        100 * r.decidingRatio().getAsDouble(), baseline,
                        r.cpuRatio().isPresent() ? " per CPU-second" : "", 100 * m.target(),
                        r.meetsTarget() ? "MEETS" : "BELOW TARGET"));
            }
        }
        return out;
    }

    private static OptionalDouble ratio(Measurement m, Optional<Measurement> base,
                                        Function<Measurement, OptionalDouble> figure) {
        if (base.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = figure.apply(m);
        OptionalDouble baseValue = figure.apply(base.get());
        return value.isPresent() && baseValue.isPresent()
                ? OptionalDouble.of(value.getAsDouble() / baseValue.getAsDouble())
                : OptionalDouble.empty();
    }

    private static Optional<Measurement> find(List<Measurement> measurements, String benchmark) {
        List<Measurement> found = measurements.stream().filter(m -> m.benchmark().equals(benchmark)).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static String params(Measurement m) {
        return m.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private static String number(double v) {
        return v >= 100 ? format("%,.0f", v) : format("%.2f", v);
    }

    private static String fixed(String pattern, OptionalDouble v) {
        return v.isPresent() ? format(pattern, v.getAsDouble()) : "";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** A measurement with its derived figures. */
    record Row(Measurement measurement, OptionalDouble ratio, OptionalDouble cpuRatio) {

        OptionalDouble decidingRatio() {
            return cpuRatio.isPresent() ? cpuRatio : ratio;
        }

        boolean meetsTarget() {
            return decidingRatio().isPresent() && decidingRatio().getAsDouble() >= measurement.target();
        }

        /** MB (10^6 bytes) per second of a benchmark with a {@code bytes} parameter, from operations per second. */
        OptionalDouble megabytes(OptionalDouble opsPerSecond) {
            String bytes = measurement.params().get(Sm3Benchmark.BYTES_PARAM);
            return bytes == null || opsPerSecond.isEmpty()
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(opsPerSecond.getAsDouble() * Long.parseLong(bytes) / 1e6);
        }
    }
}
