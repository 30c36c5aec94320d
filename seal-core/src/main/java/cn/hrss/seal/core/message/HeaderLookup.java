package cn.hrss.seal.core.message;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Received header values by name, case-insensitively, as the transport saw them (repeats included). */
@FunctionalInterface
public interface HeaderLookup {
    /** Every value of the header, in order; empty when absent. */
    List<String> values(String name);

    static HeaderLookup of(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
        return name -> byName.getOrDefault(name, List.of());
    }
}
