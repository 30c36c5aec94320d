package cn.hrss.seal.core.ses.v1;

import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * GM/T 0031-2014 TBS_Sign (read only).
 * <pre>
 * TBS_Sign ::= SEQUENCE {
 *   version INTEGER, eseal SESeal,
 *   timeInfo BIT STRING,               -- time-stamp token or a time string
 *   dataHash BIT STRING, propertyInfo IA5String,
 *   cert OCTET STRING,                 -- signer certificate
 *   signatureAlgorithm OBJECT IDENTIFIER }
 * </pre>
 * Tolerated: OCTET STRING for timeInfo and dataHash, a UTCTime/GeneralizedTime for timeInfo.
 */
public final class TbsSign extends SesAsn1Object {
    /** Zone of the wall-clock "yyyy-MM-dd HH:mm:ss" strings v1 producers write (UNCONFIRMED, see FORMATS.md). */
    public static final ZoneId TIME_STRING_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME_STRING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int version;
    private final SESeal eseal;
    private final byte[] timeInfo;
    private final Instant signingTime;
    private final byte[] dataHash;
    private final String propertyInfo;
    private final byte[] cert;
    private final ASN1ObjectIdentifier signatureAlgorithm;

    private TbsSign(DerNode node) {
        super(node);
        List<DerNode> f = node.sequence("TBS_Sign(v1)", 7, 7);
        this.version = f.get(0).intValue("TBS_Sign.version", 0, 255);
        this.eseal = SESeal.getInstance(f.get(1));
        DerNode time = f.get(2);
        if (time.tag() == DerNode.UTC_TIME || time.tag() == DerNode.GENERALIZED_TIME) {
            this.signingTime = time.anyTime("TBS_Sign.timeInfo");
            this.timeInfo = time.content();
        } else {
            this.timeInfo = time.bitOrOctetString("TBS_Sign.timeInfo");
            this.signingTime = parseTimeString(timeInfo);
        }
        this.dataHash = f.get(3).bitOrOctetString("TBS_Sign.dataHash");
        this.propertyInfo = f.get(4).ia5("TBS_Sign.propertyInfo");
        this.cert = f.get(5).octets("TBS_Sign.cert");
        this.signatureAlgorithm = f.get(6).oid("TBS_Sign.signatureAlgorithm");
    }

    public static TbsSign getInstance(Object obj) {
        if (obj instanceof TbsSign tbs) {
            return tbs;
        }
        return obj == null ? null : new TbsSign(DerNode.of(obj));
    }

    public int version() {
        return version;
    }

    public SESeal eseal() {
        return eseal;
    }

    /** The raw timeInfo content: a time string or a time-stamp token. */
    public byte[] timeInfo() {
        return timeInfo.clone();
    }

    /** The signing time when timeInfo is a time (string); empty when it is a time-stamp token or unreadable. */
    public Optional<Instant> signingTime() {
        return Optional.ofNullable(signingTime);
    }

    public byte[] dataHash() {
        return dataHash.clone();
    }

    public String propertyInfo() {
        return propertyInfo;
    }

    /** The signer certificate (DER). */
    public byte[] cert() {
        return cert.clone();
    }

    public ASN1ObjectIdentifier signatureAlgorithm() {
        return signatureAlgorithm;
    }

    private static Instant parseTimeString(byte[] value) {
        if (value.length != 19) {
            return null;
        }
        try {
            return LocalDateTime.parse(new String(value, StandardCharsets.US_ASCII), TIME_STRING)
                    .atZone(TIME_STRING_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
