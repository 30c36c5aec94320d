package cn.hrss.seal.node;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Says who the node is: once in the log when ready, and in {@code /actuator/info} (authenticated). */
@Component
class NodeInfo implements InfoContributor {
    private static final Logger log = LoggerFactory.getLogger(NodeInfo.class);

    private final NodeProperties node;

    NodeInfo(NodeProperties node) {
        this.node = node;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("seal node ready: tier={} region={} subsystems={} data-dir={}", node.tier(), node.regionCode(),
                node.subsystems(), node.dataDir());
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("node", Map.of("tier", node.tier(), "regionCode", node.regionCode(),
                "subsystems", node.subsystems()));
    }
}
