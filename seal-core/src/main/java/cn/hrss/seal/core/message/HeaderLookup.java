package cn.hrss.seal.core.message;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Received header values by name, case-insensitively, as the transport saw them (repeats included). */
@FunctionalInterface
public interface HeaderLookup {
    /** Every value of the header, in order; empty when absent. */
    List<String> values(String name);

    static HeaderLookup of(Map<String, List<String>> headers) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        // Names differing only in case are one header: their values are concatenated, so repeats stay visible.
        headers.forEach((name, values) -> byName.merge(name, List.copyOf(values),
                (a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
        return name -> byName.getOrDefault(name, List.of());
    }
}
