package cn.hrss.seal.ca.api;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;

/**
 * Value of the {@link CaObjectIdentifiers#SEAL_SOURCE} extension of a seal certificate: which seal the key
 * belongs to and which making system made it.
 * <pre>
 * SealSource ::= SEQUENCE {
 *     esId          PrintableString (SIZE(1..64)),
 *     makingSystem  UTF8String (SIZE(1..128))
 * }
 * </pre>
 */
public final class SealSource extends ASN1Object {
    private final String esId;
    private final String makingSystem;

    public SealSource(String esId, String makingSystem) {
        if (esId == null || esId.isEmpty() || esId.length() > 64 || !DERPrintableString.isPrintableString(esId)) {
            throw new IllegalArgumentException("esId must be 1..64 printable characters");
        }
        if (makingSystem == null || makingSystem.isBlank() || makingSystem.length() > 128) {
            throw new IllegalArgumentException("makingSystem must be 1..128 characters");
        }
        this.esId = esId;
        this.makingSystem = makingSystem;
    }

    /**
     * Parses the extension value.
     *
     * @throws IllegalArgumentException if it is not a well-formed SealSource
     */
    public static SealSource getInstance(Object obj) {
        if (obj instanceof SealSource s) {
            return s;
        }
        if (obj == null) {
            throw new IllegalArgumentException("null SealSource");
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(obj);
        if (seq.size() != 2) {
            throw new IllegalArgumentException("SealSource must have 2 elements, has " + seq.size());
        }
        return new SealSource(DERPrintableString.getInstance(seq.getObjectAt(0)).getString(),
                DERUTF8String.getInstance(seq.getObjectAt(1)).getString());
    }

    public String esId() {
        return esId;
    }

    public String makingSystem() {
        return makingSystem;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(2);
        v.add(new DERPrintableString(esId));
        v.add(new DERUTF8String(makingSystem));
        return new DERSequence(v);
    }
}
