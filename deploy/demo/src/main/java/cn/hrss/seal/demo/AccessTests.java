package cn.hrss.seal.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** The access test the upper node runs against a lower node before it registers. */
final class AccessTests {
    private AccessTests() {
    }

    static JsonNode run(NodeApi upperAdmin, NodeApi lowerAdmin, Topology.Member lower) {
        throw new DemoFailure("access test not wired yet");
    }
}
