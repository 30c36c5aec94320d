package cn.hrss.seal.ca.api;

/** What a certificate is for; decides its extensions (see docs/CA-PROFILES.md). */
public enum CertificateProfile {
    /** Self-signed seal root: the trust anchor of every node and seal. */
    SEAL_ROOT,
    /** A making or status system (and the node itself), with its tier and region. */
    SYSTEM,
    /** One seal's signing certificate. */
    SEAL,
    /** Delegated OCSP responder. */
    OCSP_SIGNER,
    /** RFC 3161 time-stamping unit. */
    TSA
}
