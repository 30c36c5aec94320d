package cn.hrss.seal.ca.api;

/** The administrative tier of a node or system. The ASN.1 value is what {@link SystemIdentity} encodes. */
public enum Tier {
    MINISTRY(1), PROVINCE(2), CITY(3);

    private final int asn1Value;

    Tier(int asn1Value) {
        this.asn1Value = asn1Value;
    }

    public int asn1Value() {
        return asn1Value;
    }

    public static Tier ofAsn1Value(int value) {
        for (Tier t : values()) {
            if (t.asn1Value == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tier value " + value);
    }
}
