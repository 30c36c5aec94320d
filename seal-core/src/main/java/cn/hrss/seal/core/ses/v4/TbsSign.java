package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import cn.hrss.seal.core.ses.asn1.SplicedEncoding;

import java.time.Instant;
import java.util.List;

/**
 * What the signer signs, TBS_Sign.
 * <pre>
 * TBS_Sign ::= SEQUENCE {
 *   version      INTEGER,            -- 4
 *   eseal        SESeal,             -- byte-identical to Seal.esl
 *   timeInfo     GeneralizedTime,
 *   dataHash     BIT STRING,         -- SM3 of the original
 *   propertyInfo IA5String,
 *   extDatas [0] EXPLICIT ExtensionDatas OPTIONAL }
 * </pre>
 * The tagging of extDatas is UNCONFIRMED: we write {@code [0] EXPLICIT} (as ofdrw does) and also read the untagged
 * SEQUENCE some implementations model.
 */
public final class TbsSign extends SesAsn1Object {
    private final int version;
    private final SESeal eseal;
    private final Instant timeInfo;
    private final byte[] dataHash;
    private final String propertyInfo;
    private final ExtensionDatas extDatas;

    public TbsSign(SESeal eseal, Instant timeInfo, byte[] dataHash, String propertyInfo, ExtensionDatas extDatas) {
        this(SesHeader.VERSION_4, eseal, Der.toSeconds(timeInfo), dataHash.clone(), propertyInfo, extDatas, null);
    }

    private TbsSign(int version, SESeal eseal, Instant timeInfo, byte[] dataHash, String propertyInfo,
                    ExtensionDatas extDatas, DerNode decoded) {
        super(decoded != null ? decoded
                : built(SplicedEncoding.sequence(elements(version, eseal, timeInfo, dataHash, propertyInfo, extDatas)).toByteArray()));
        this.version = version;
        this.eseal = eseal;
        this.timeInfo = timeInfo;
        this.dataHash = dataHash;
        this.propertyInfo = propertyInfo;
        this.extDatas = extDatas;
    }

    /**
     * The DER of {@code new TbsSign(eseal, timeInfo, dataHash, propertyInfo, extDatas)}, kept around the SES_Seal
     * instead of copying it: for signers that sign many TBS_Signs of one seal ({@code DataSigner}).
     */
    public static SplicedEncoding encodeAroundSeal(SESeal eseal, Instant timeInfo, byte[] dataHash,
                                                   String propertyInfo, ExtensionDatas extDatas) {
        return SplicedEncoding.sequence(elements(SesHeader.VERSION_4, eseal, Der.toSeconds(timeInfo), dataHash,
                propertyInfo, extDatas));
    }

    private static Object[] elements(int version, SESeal eseal, Instant timeInfo, byte[] dataHash,
                                     String propertyInfo, ExtensionDatas extDatas) {
        return extDatas == null
                ? new Object[] {Der.integer(version), eseal, Der.generalizedTime(timeInfo), Der.bitString(dataHash),
                        Der.ia5(propertyInfo)}
                : new Object[] {Der.integer(version), eseal, Der.generalizedTime(timeInfo), Der.bitString(dataHash),
                        Der.ia5(propertyInfo), Der.explicit0(extDatas.encoded())};
    }

    public static TbsSign getInstance(Object obj) {
        if (obj instanceof TbsSign tbs) {
            return tbs;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("TBS_Sign", 5, 6);
        int version = f.get(0).intValue("TBS_Sign.version", 0, 255);
        if (version != SesHeader.VERSION_4) {
            throw new SesFormatException(SesFormatException.UNSUPPORTED_VERSION, "TBS_Sign.version " + version);
        }
        SESeal eseal = SESeal.getInstance(f.get(1));
        Instant time = f.get(2).generalizedTime("TBS_Sign.timeInfo");
        byte[] dataHash = f.get(3).bitString("TBS_Sign.dataHash");
        String propertyInfo = f.get(4).ia5("TBS_Sign.propertyInfo");
        ExtensionDatas ext = null;
        if (f.size() == 6) {
            DerNode last = f.get(5);
            ext = ExtensionDatas.getInstance(last.tag() == DerNode.CONTEXT_0
                    ? last.explicit(DerNode.CONTEXT_0, "TBS_Sign.extDatas") : last);
        }
        return new TbsSign(version, eseal, time, dataHash, propertyInfo, ext, node);
    }

    public int version() {
        return version;
    }

    public SESeal eseal() {
        return eseal;
    }

    public Instant timeInfo() {
        return timeInfo;
    }

    public byte[] dataHash() {
        return dataHash.clone();
    }

    public String propertyInfo() {
        return propertyInfo;
    }

    /** The extensions, or null when absent. */
    public ExtensionDatas extDatas() {
        return extDatas;
    }
}
