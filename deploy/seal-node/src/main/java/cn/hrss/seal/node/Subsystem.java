package cn.hrss.seal.node;

/**
 * The subsystems a node can run; configured as {@code making,status,application,service-mgmt,access-test}. Each is
 * a module switched by its own {@code seal.<module>.enabled} property, which {@link SubsystemSwitches} derives from
 * {@code seal.subsystems}.
 */
public enum Subsystem {
    MAKING("seal.making.enabled"),
    STATUS("seal.status.enabled"),
    APPLICATION("seal.application.enabled"),
    SERVICE_MGMT("seal.service-mgmt.enabled"),
    ACCESS_TEST("seal.access-test.enabled");

    private final String switchProperty;

    Subsystem(String switchProperty) {
        this.switchProperty = switchProperty;
    }

    /** The module's own on/off property. */
    public String switchProperty() {
        return switchProperty;
    }
}
