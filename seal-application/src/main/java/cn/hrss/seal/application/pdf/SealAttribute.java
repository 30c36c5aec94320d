package cn.hrss.seal.application.pdf;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * The CMS attribute that binds a PDF signature to its GB/T 38540 seal. It is a <em>signed</em> attribute whose
 * value is an OCTET STRING holding the DER SESeal: the signer's signature then covers the seal (esID, maker
 * signature, picture), so the seal cannot be swapped afterwards, and a verifier can check the maker signature
 * offline. Its OID lies under the project's private UUID arc (docs/CA-PROFILES.md), sub-arc 3 = seal application.
 */
final class SealAttribute {
    static final ASN1ObjectIdentifier HRSS_SEAL_ARC =
            new ASN1ObjectIdentifier("2.25.57984055164416147830094799554824761587");
    /** seal-application CMS attributes. */
    static final ASN1ObjectIdentifier ATTRIBUTES = HRSS_SEAL_ARC.branch("3");
    /** SESeal: OCTET STRING (DER GB/T 38540 SESeal). */
    static final ASN1ObjectIdentifier SESEAL = ATTRIBUTES.branch("1");

    private SealAttribute() {
    }
}
