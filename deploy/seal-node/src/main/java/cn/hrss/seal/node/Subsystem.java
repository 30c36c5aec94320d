package cn.hrss.seal.node;

/** The five subsystems a node can run; configured as {@code making,status,application,service-mgmt,access-test}. */
public enum Subsystem {
    MAKING, STATUS, APPLICATION, SERVICE_MGMT, ACCESS_TEST
}
