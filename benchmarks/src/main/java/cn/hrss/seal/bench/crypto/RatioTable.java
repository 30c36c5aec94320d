package cn.hrss.seal.bench.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * The summary of one JMH run: every score next to its ratio to the baseline measured in the same run, and MB/s
 * for benchmarks over a byte count. Pure data in, text out, so it is tested without running JMH.
 */
final class RatioTable {
    private final List<Row> rows;

    private RatioTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    static RatioTable of(List<Measurement> measurements) {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : measurements) {
            OptionalDouble ratio = m.baseline()
                    .flatMap(name -> find(measurements, name))
                    .map(base -> OptionalDouble.of(m.score() / base.score()))
                    .orElse(OptionalDouble.empty());
            String bytes = m.params().get(Sm3Benchmark.BYTES_PARAM);
            OptionalDouble mbPerSecond = bytes == null
                    ? OptionalDouble.empty()
                    : OptionalDouble.of(m.score() * Long.parseLong(bytes) / 1e6);
            rows.add(new Row(m, ratio, mbPerSecond));
        }
        return new RatioTable(rows);
    }

    List<Row> rows() {
        return rows;
    }

    /** Markdown table, ready for docs/PERFORMANCE.md. */
    String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | params | threads | ops/s | ± (99.9%) | MB/s | ratio to baseline |\n");
        out.append("|---|---|---:|---:|---:|---:|---|\n");
        for (Row r : rows) {
            Measurement m = r.measurement();
            out.append("| ").append(m.benchmark())
                    .append(" | ").append(params(m))
                    .append(" | ").append(m.threads())
                    .append(" | ").append(number(m.score()))
                    .append(" | ").append(Double.isNaN(m.error()) ? "" : number(m.error()))
                    .append(" | ").append(r.megabytesPerSecond().isPresent()
                            ? format("%.1f", r.megabytesPerSecond().getAsDouble()) : "")
                    .append(" | ").append(r.ratio().isPresent()
                            ? format("%.3f of %s", r.ratio().getAsDouble(), m.baseline().orElseThrow()) : "")
                    .append(" |\n");
        }
        return out.toString();
    }

    /** One line per benchmark with a target: its ratio and whether it meets the target. */
    List<String> verdicts() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) {
            Measurement m = r.measurement();
            if (m.target() <= 0) {
                continue;
            }
            String name = m.benchmark() + (m.params().isEmpty() ? "" : " [" + params(m) + "]");
            if (r.ratio().isEmpty()) {
                out.add(format("%s: baseline %s missing from this run, no verdict", name, m.baseline().orElseThrow()));
            } else {
                out.add(format("%s: %.1f%% of %s (target >= %.0f%%): %s", name, 100 * r.ratio().getAsDouble(),
                        m.baseline().orElseThrow(), 100 * m.target(), r.meetsTarget() ? "MEETS" : "BELOW TARGET"));
            }
        }
        return out;
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

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** A measurement with its derived figures. */
    record Row(Measurement measurement, OptionalDouble ratio, OptionalDouble megabytesPerSecond) {
        boolean meetsTarget() {
            return ratio.isPresent() && ratio.getAsDouble() >= measurement.target();
        }
    }
}
