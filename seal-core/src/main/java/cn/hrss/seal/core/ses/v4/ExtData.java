package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.util.List;

/**
 * <pre>
 * ExtData ::= SEQUENCE {
 *   extnID    OBJECT IDENTIFIER,
 *   critical  BOOLEAN DEFAULT FALSE,
 *   extnValue OCTET STRING }
 * </pre>
 * Decodes both the DER form (FALSE omitted) and the explicit {@code BOOLEAN FALSE} real Koal seals carry; writes DER.
 */
public final class ExtData extends SesAsn1Object {
    private final ASN1ObjectIdentifier extnId;
    private final boolean critical;
    private final byte[] extnValue;

    public ExtData(ASN1ObjectIdentifier extnId, boolean critical, byte[] extnValue) {
        this(extnId, critical, extnValue.clone(), null);
    }

    private ExtData(ASN1ObjectIdentifier extnId, boolean critical, byte[] extnValue, DerNode decoded) {
        super(decoded != null ? decoded : built(critical
                ? Der.sequence(Der.oid(extnId), Der.bool(true), Der.octets(extnValue))
                : Der.sequence(Der.oid(extnId), Der.octets(extnValue))));
        this.extnId = extnId;
        this.critical = critical;
        this.extnValue = extnValue;
    }

    public static ExtData getInstance(Object obj) {
        if (obj instanceof ExtData ext) {
            return ext;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("ExtData", 2, 3);
        ASN1ObjectIdentifier id = f.get(0).oid("ExtData.extnID");
        boolean critical = f.size() == 3 && f.get(1).bool("ExtData.critical");
        byte[] value = f.get(f.size() - 1).octets("ExtData.extnValue");
        return new ExtData(id, critical, value, node);
    }

    public ASN1ObjectIdentifier extnId() {
        return extnId;
    }

    public boolean critical() {
        return critical;
    }

    public byte[] extnValue() {
        return extnValue.clone();
    }
}
