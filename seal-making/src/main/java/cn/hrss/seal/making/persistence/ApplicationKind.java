package cn.hrss.seal.making.persistence;

/** Why an application exists: a first seal, or the successor of a changed, lost or replaced one. */
public enum ApplicationKind {
    NEW,
    CHANGE,
    LOSS,
    REPLACE
}
