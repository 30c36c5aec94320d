package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.v4.CertList;
import cn.hrss.seal.core.ses.v4.PictureInfo;
import cn.hrss.seal.core.ses.v4.SesHeader;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads seals and seal signatures of either generation from untrusted bytes and returns version-neutral views.
 * The generation is decided by structure (element counts), as header numbers differ between producers:
 * SESeal with 2 elements is GM/T 0031 v1, with 4 GB/T 38540 v4, with 5 the unsupported "v5";
 * SES_Signature with 2 elements is v1, with 4 or 5 v4. Every failure is a {@link SesFormatException}.
 */
public final class SesParser {
    private final SesLimits limits;

    public SesParser(SesLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    public SesParser() {
        this(SesLimits.DEFAULT);
    }

    public SealView parseSeal(byte[] encoded) {
        DerNode root = DerNode.parse(encoded, limits);
        int elements = root.sequence("SESeal", 0, Integer.MAX_VALUE).size();
        return switch (elements) {
            case 2 -> view(cn.hrss.seal.core.ses.v1.SESeal.getInstance(root));
            case 4 -> view(cn.hrss.seal.core.ses.v4.SESeal.getInstance(root));
            case 5 -> throw new SesFormatException(SesFormatException.UNSUPPORTED_VERSION,
                    "SESeal with 5 elements (\"v5\" with seal time stamp) is not supported");
            default -> throw SesFormatException.malformed("SESeal with " + elements + " elements is no known version");
        };
    }

    public SignatureView parseSignature(byte[] encoded) {
        DerNode root = DerNode.parse(encoded, limits);
        int elements = root.sequence("SES_Signature", 0, Integer.MAX_VALUE).size();
        return switch (elements) {
            case 2 -> view(cn.hrss.seal.core.ses.v1.SesSignature.getInstance(root));
            case 4, 5 -> view(cn.hrss.seal.core.ses.v4.SesSignature.getInstance(root));
            default -> throw SesFormatException.malformed(
                    "SES_Signature with " + elements + " elements is no known version");
        };
    }

    public static SealView view(cn.hrss.seal.core.ses.v4.SESeal seal) {
        var info = seal.sealInfo();
        var property = info.property();
        CertList certs = property.certList();
        return new SealView(SesVersion.GBT_38540_2020, info.header().version(), info.header().vid(), info.esId(),
                property.type(), property.name(), property.createDate(), property.validStart(), property.validEnd(),
                picture(info.picture()), certs.type(), certs.certificates(),
                certs.digests().stream().map(d -> new SealView.CertDigest(d.type(), d.value())).toList(),
                seal.cert(), seal.signAlgId(), info.encoded(), seal.signedValue(), seal.encoded());
    }

    public static SealView view(cn.hrss.seal.core.ses.v1.SESeal seal) {
        var info = seal.sealInfo();
        var property = info.property();
        var sign = seal.signInfo();
        SesHeader header = info.header();
        return new SealView(SesVersion.GMT_0031_2014, header.version(), header.vid(), info.esId(),
                property.type(), property.name(), property.createDate(), property.validStart(), property.validEnd(),
                picture(info.picture()), CertList.CERTIFICATES, property.certificates(), List.of(),
                sign.cert(), sign.signatureAlgorithm(), seal.signedBytes(), sign.signData(), seal.encoded());
    }

    public static SignatureView view(cn.hrss.seal.core.ses.v4.SesSignature signature) {
        var tbs = signature.toSign();
        return new SignatureView(SesVersion.GBT_38540_2020, view(tbs.eseal()), signature.cert(),
                Optional.of(tbs.timeInfo()), tbs.dataHash(), tbs.propertyInfo(), signature.signatureAlgId(),
                tbs.encoded(), signature.signature(), Optional.ofNullable(signature.timeStamp()),
                signature.encoded());
    }

    public static SignatureView view(cn.hrss.seal.core.ses.v1.SesSignature signature) {
        var tbs = signature.toSign();
        return new SignatureView(SesVersion.GMT_0031_2014, view(tbs.eseal()), tbs.cert(), tbs.signingTime(),
                tbs.dataHash(), tbs.propertyInfo(), tbs.signatureAlgorithm(), tbs.encoded(), signature.signature(),
                Optional.empty(), signature.encoded());
    }

    private static SealView.Picture picture(PictureInfo p) {
        return new SealView.Picture(p.type(), p.data(), p.widthMm(), p.heightMm());
    }
}
