package cn.hrss.seal.node;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodePropertiesTest {

    private static NodeProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("seal", NodeProperties.class);
    }

    @Test
    void defaultsToAMinistryNodeRunningEverything() {
        NodeProperties node = bind(Map.of());
        assertThat(node.tier()).isEqualTo(Tier.MINISTRY);
        assertThat(node.dataDir().normalize()).isEqualTo(Path.of("data"));
        assertThat(node.subsystems()).containsExactlyInAnyOrder(Subsystem.values());
    }

    @Test
    void bindsSubsystemsInTheirConfigurationSpelling() {
        NodeProperties node = bind(Map.of("seal.tier", "PROVINCE", "seal.region-code", "440000",
                "seal.subsystems", "status,service-mgmt"));
        assertThat(node.subsystems()).containsExactlyInAnyOrder(Subsystem.STATUS, Subsystem.SERVICE_MGMT);
        assertThat(node.runs(Subsystem.MAKING)).isFalse();
    }

    @Test
    void cityDefaultsToEverythingButServiceManagement() {
        assertThat(bind(Map.of("seal.tier", "city")).subsystems()).containsExactlyInAnyOrder(Subsystem.MAKING,
                Subsystem.STATUS, Subsystem.APPLICATION, Subsystem.ACCESS_TEST);
    }

    @Test
    void makingAndSigningNeedTheStatusLedgerOnTheSameNode() {
        assertThatThrownBy(() -> bind(Map.of("seal.subsystems", "making,application")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("MAKING needs STATUS on the same node");
    }

    @Test
    void subsystemsBecomeTheModulesOwnSwitches() {
        assertThat(SubsystemSwitches.switches(bind(Map.of("seal.tier", "CITY"))))
                .containsEntry("seal.making.enabled", "true")
                .containsEntry("seal.status.enabled", "true")
                .containsEntry("seal.service-mgmt.enabled", "false");
        assertThat(SubsystemSwitches.switches(bind(Map.of("seal.tier", "PROVINCE", "seal.region-code", "440000",
                "seal.subsystems", "status,service-mgmt"))))
                .containsEntry("seal.making.enabled", "false")
                .containsEntry("seal.application.enabled", "false")
                .containsEntry("seal.service-mgmt.enabled", "true");
    }

    @Test
    void cityCannotRunServiceManagement() {
        assertThatThrownBy(() -> bind(Map.of("seal.tier", "CITY", "seal.subsystems", "application,service-mgmt")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("[SERVICE_MGMT] cannot run on a CITY node");
    }
}
