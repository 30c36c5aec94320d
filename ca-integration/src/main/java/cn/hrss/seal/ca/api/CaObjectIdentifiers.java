package cn.hrss.seal.ca.api;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * Object identifiers used in the CA's certificates and time stamps.
 *
 * <p>The project has no registered arc yet, so its private OIDs live under a UUID arc (ITU-T X.667,
 * {@code 2.25.<uuid>}), which needs no registration and cannot collide. Replace the arc, not the sub-arcs, once
 * HRSS assigns one. See docs/CA-PROFILES.md.
 */
public final class CaObjectIdentifiers {
    /** The project's private arc. */
    public static final ASN1ObjectIdentifier HRSS_SEAL_ARC =
            new ASN1ObjectIdentifier("2.25.57984055164416147830094799554824761587");

    /** Certificate extensions. */
    public static final ASN1ObjectIdentifier EXTENSIONS = HRSS_SEAL_ARC.branch("1");
    /** {@link SystemIdentity}: tier and region of a system certificate. */
    public static final ASN1ObjectIdentifier SYSTEM_IDENTITY = EXTENSIONS.branch("1");
    /** {@link SealSource}: esID and making system of a seal certificate. */
    public static final ASN1ObjectIdentifier SEAL_SOURCE = EXTENSIONS.branch("2");

    /** Policies. */
    public static final ASN1ObjectIdentifier POLICIES = HRSS_SEAL_ARC.branch("2");
    /** Default time-stamp policy of the embedded TSA. */
    public static final ASN1ObjectIdentifier TSA_POLICY = POLICIES.branch("1");

    /**
     * Unified social credit code of an organisation, the arc observed in Chinese CA certificates
     * (1.2.156.10260.4.1.4; see standards notes 4.1). Value: PrintableString.
     */
    public static final ASN1ObjectIdentifier UNIFIED_SOCIAL_CREDIT_CODE =
            new ASN1ObjectIdentifier("1.2.156.10260.4.1.4");

    private CaObjectIdentifiers() {
    }
}
