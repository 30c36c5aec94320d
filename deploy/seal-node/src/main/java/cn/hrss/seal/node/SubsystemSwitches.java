package cn.hrss.seal.node;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code seal.tier} and {@code seal.subsystems} into each module's {@code seal.<module>.enabled} switch, so
 * that a subsystem the node does not run has no beans, endpoints or jobs at all. The switches go in with the lowest
 * precedence: a module property set explicitly still wins (documented in docs/OPERATIONS.md). An invalid
 * combination (a CITY node with service-mgmt) stops the start here with the binding error.
 */
class SubsystemSwitches implements EnvironmentPostProcessor, Ordered {
    static final String SOURCE = "sealSubsystemSwitches";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        NodeProperties node = Binder.get(environment).bindOrCreate("seal", NodeProperties.class);
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, switches(node)));
    }

    static Map<String, Object> switches(NodeProperties node) {
        Map<String, Object> switches = new LinkedHashMap<>();
        for (Subsystem subsystem : Subsystem.values()) {
            switches.put(subsystem.switchProperty(), Boolean.toString(node.runs(subsystem)));
        }
        return switches;
    }

    /** After the data directory is absolute (it binds NodeProperties, which reads it). */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
