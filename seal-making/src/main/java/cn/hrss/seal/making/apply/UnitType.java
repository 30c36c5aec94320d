package cn.hrss.seal.making.apply;

/** The seal holder unit's type (LD/T 01.1 section 7.5: a state administrative organ or a public institution). */
public enum UnitType {
    ADMINISTRATIVE_ORGAN,
    PUBLIC_INSTITUTION
}
