package cn.hrss.seal.making.api;

/**
 * Range of use (LD/T 01.1 section 7.4): cross-industry seals get their unique code from the national platform and
 * are filed there; industry seals get a code under the industry rule and no filing.
 */
public enum SealScope {
    INDUSTRY,
    CROSS_INDUSTRY
}
