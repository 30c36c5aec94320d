package cn.hrss.seal.demo;

import java.util.List;
import java.util.Optional;

/** The demo's federation: the national platform simulator, the ministry, two provinces and one city. */
record Topology(List<Member> members) {

    /** One node: its name, tier, GB/T 2260 region, port, and the node it registers with. */
    record Member(String name, String displayName, String tier, String regionCode, int port, Optional<String> parent) {
    }

    static final String MINISTRY = "ministry";
    static final String FUJIAN = "fujian";
    static final String GUANGDONG = "guangdong";
    static final String XIAMEN = "xiamen";

    /** Ports from {@code basePort}: the simulator on basePort, the nodes on the next four. */
    static Topology onLoopback(int basePort) {
        return new Topology(List.of(
                new Member(MINISTRY, "人力资源社会保障部", "MINISTRY", "100000", basePort + 1, Optional.empty()),
                new Member(FUJIAN, "福建省人力资源和社会保障厅", "PROVINCE", "350000", basePort + 2, Optional.of(MINISTRY)),
                new Member(GUANGDONG, "广东省人力资源和社会保障厅", "PROVINCE", "440000", basePort + 3,
                        Optional.of(MINISTRY)),
                new Member(XIAMEN, "厦门市人力资源和社会保障局", "CITY", "350200", basePort + 4, Optional.of(FUJIAN))));
    }

    Member member(String name) {
        return members.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }
}
