package cn.hrss.seal.demo;

import java.util.List;

/** The switches that make a node take its federation role: relaying seal codes and synchronising status. */
record NodeRoles(List<String> arguments) {

    static NodeRoles of(Topology.Member member) {
        return new NodeRoles(List.of());
    }
}
