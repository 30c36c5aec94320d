package cn.hrss.seal.node;

import java.util.EnumSet;
import java.util.Set;

/** Where a node stands in the federation, and which subsystems it may run there (design table, section 1). */
public enum Tier {
    MINISTRY(EnumSet.allOf(Subsystem.class)),
    /** A province runs service management on behalf of its cities. */
    PROVINCE(EnumSet.allOf(Subsystem.class)),
    CITY(EnumSet.of(Subsystem.MAKING, Subsystem.STATUS, Subsystem.APPLICATION, Subsystem.ACCESS_TEST));

    private final Set<Subsystem> allowed;

    Tier(Set<Subsystem> allowed) {
        this.allowed = allowed;
    }

    public Set<Subsystem> allowed() {
        return EnumSet.copyOf(allowed);
    }

    /**
     * What a node of this tier runs when {@code seal.subsystems} is not set: all it may. A city makes seals, holds
     * their status (synced up to its province) and signs; it registers nobody.
     */
    public Set<Subsystem> defaults() {
        return allowed();
    }
}
