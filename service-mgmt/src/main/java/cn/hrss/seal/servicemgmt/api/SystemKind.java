package cn.hrss.seal.servicemgmt.api;

/** What a registered system does: seal making, seal status, or both (two kinds in the set). */
public enum SystemKind {
    MAKING, STATUS
}
