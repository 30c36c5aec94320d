package cn.hrss.seal.ca.api;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;

import java.util.Objects;

/**
 * Value of the {@link CaObjectIdentifiers#SYSTEM_IDENTITY} extension of a system certificate.
 * <pre>
 * SystemIdentity ::= SEQUENCE {
 *     tier        ENUMERATED { ministry(1), province(2), city(3) },
 *     regionCode  PrintableString (SIZE(6))   -- GB/T 2260 (100000 for central organs)
 * }
 * </pre>
 */
public final class SystemIdentity extends ASN1Object {
    private final Tier tier;
    private final AdministrativeRegionCode region;

    public SystemIdentity(Tier tier, AdministrativeRegionCode region) {
        this.tier = Objects.requireNonNull(tier, "tier");
        this.region = Objects.requireNonNull(region, "region");
    }

    /**
     * Parses the extension value.
     *
     * @throws IllegalArgumentException if it is not a well-formed SystemIdentity
     */
    public static SystemIdentity getInstance(Object obj) {
        if (obj instanceof SystemIdentity s) {
            return s;
        }
        if (obj == null) {
            throw new IllegalArgumentException("null SystemIdentity");
        }
        ASN1Sequence seq = ASN1Sequence.getInstance(obj);
        if (seq.size() != 2) {
            throw new IllegalArgumentException("SystemIdentity must have 2 elements, has " + seq.size());
        }
        int tier = ASN1Enumerated.getInstance(seq.getObjectAt(0)).intValueExact();
        String region = DERPrintableString.getInstance(seq.getObjectAt(1)).getString();
        try {
            return new SystemIdentity(Tier.ofAsn1Value(tier), AdministrativeRegionCode.parse(region));
        } catch (SealException e) {
            throw new IllegalArgumentException("SystemIdentity.regionCode: " + e.getMessage(), e);
        }
    }

    public Tier tier() {
        return tier;
    }

    public AdministrativeRegionCode region() {
        return region;
    }

    @Override
    public ASN1Primitive toASN1Primitive() {
        ASN1EncodableVector v = new ASN1EncodableVector(2);
        v.add(new ASN1Enumerated(tier.asn1Value()));
        v.add(new DERPrintableString(region.value()));
        return new DERSequence(v);
    }
}
