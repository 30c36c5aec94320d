package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.SesLimits;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The seal content the maker signs, SES_SealInfo.
 * <pre>
 * SES_SealInfo ::= SEQUENCE {
 *   header   SES_Header,
 *   esID     IA5String,
 *   property SES_ESPropertyInfo,
 *   picture  SES_ESPictrueInfo,
 *   extDatas ExtensionDatas OPTIONAL }   -- untagged
 * </pre>
 */
public final class SealInfo extends SesAsn1Object {
    /** esID is opaque; 64 characters bounds it without guessing a format (see FORMATS.md). */
    public static final int MAX_ES_ID_LENGTH = 64;

    private final SesHeader header;
    private final String esId;
    private final PropertyInfo property;
    private final PictureInfo picture;
    private final ExtensionDatas extDatas;

    public SealInfo(SesHeader header, String esId, PropertyInfo property, PictureInfo picture,
                    ExtensionDatas extDatas) {
        this(header, esId, property, picture, extDatas, null);
    }

    private SealInfo(SesHeader header, String esId, PropertyInfo property, PictureInfo picture,
                     ExtensionDatas extDatas, DerNode decoded) {
        super(decoded != null ? decoded : built(extDatas == null
                ? Der.sequence(header.encoded(), Der.ia5(esId), property.encoded(), picture.encoded())
                : Der.sequence(header.encoded(), Der.ia5(esId), property.encoded(), picture.encoded(),
                extDatas.encoded())));
        this.header = header;
        this.esId = esId;
        this.property = property;
        this.picture = picture;
        this.extDatas = extDatas;
    }

    public static SealInfo getInstance(Object obj) {
        if (obj instanceof SealInfo info) {
            return info;
        }
        if (obj == null) {
            return null;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> f = node.sequence("SES_SealInfo", 4, 5);
        return new SealInfo(
                SesHeader.getInstance(f.get(0)),
                f.get(1).ia5("SES_SealInfo.esID"),
                PropertyInfo.getInstance(f.get(2)),
                PictureInfo.getInstance(f.get(3)),
                f.size() == 5 ? ExtensionDatas.getInstance(f.get(4)) : null,
                node);
    }

    public static Builder builder() {
        return new Builder();
    }

    public SesHeader header() {
        return header;
    }

    public String esId() {
        return esId;
    }

    public PropertyInfo property() {
        return property;
    }

    public PictureInfo picture() {
        return picture;
    }

    /** The extensions, or null when absent. */
    public ExtensionDatas extDatas() {
        return extDatas;
    }

    /** Builds a version 4 SES_SealInfo; every field except the extensions is required. */
    public static final class Builder {
        private String vid;
        private String esId;
        private Integer type;
        private String name;
        private final List<byte[]> signerCertificates = new ArrayList<>();
        private boolean digestList;
        private Instant createDate;
        private Instant validStart;
        private Instant validEnd;
        private PictureInfo picture;
        private final List<ExtData> extensions = new ArrayList<>();
        private SesLimits limits = SesLimits.DEFAULT;

        private Builder() {
        }

        /** SES_Header.vid, the vendor id. */
        public Builder vendorId(String vid) {
            this.vid = vid;
            return this;
        }

        public Builder esId(String esId) {
            this.esId = esId;
            return this;
        }

        /** SES_ESPropertyInfo.type. */
        public Builder sealType(int type) {
            this.type = type;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Adds a certificate (DER) whose holder may sign with this seal. */
        public Builder signerCertificate(byte[] certificate) {
            this.signerCertificates.add(certificate.clone());
            return this;
        }

        /** List SM3 digests of the signer certificates (certListType 2) instead of the certificates (1). */
        public Builder listCertificateDigests(boolean digests) {
            this.digestList = digests;
            return this;
        }

        public Builder createDate(Instant createDate) {
            this.createDate = createDate;
            return this;
        }

        public Builder validity(Instant start, Instant end) {
            this.validStart = start;
            this.validEnd = end;
            return this;
        }

        public Builder picture(String type, byte[] data, int widthMm, int heightMm) {
            this.picture = new PictureInfo(type, data, widthMm, heightMm);
            return this;
        }

        public Builder extension(ExtData extension) {
            this.extensions.add(extension);
            return this;
        }

        /** The limits the result must satisfy so our own parser accepts it again. */
        public Builder limits(SesLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public SealInfo build() {
            require(vid, "vendorId");
            require(esId, "esId");
            require(type, "sealType");
            require(name, "name");
            require(createDate, "createDate");
            require(validStart, "validity");
            require(picture, "picture");
            if (esId.isEmpty() || esId.length() > MAX_ES_ID_LENGTH) {
                throw new IllegalArgumentException("esId must be 1.." + MAX_ES_ID_LENGTH + " characters");
            }
            if (type < 0) {
                throw new IllegalArgumentException("seal type must not be negative");
            }
            if (signerCertificates.isEmpty()) {
                throw new IllegalArgumentException("at least one signer certificate is required");
            }
            if (picture.dataLength() > limits.maxPictureBytes()) {
                throw new IllegalArgumentException("picture larger than " + limits.maxPictureBytes() + " bytes");
            }
            CertList certList = digestList
                    ? CertList.ofDigests(signerCertificates.stream()
                    .map(c -> new CertDigestObj(CertDigestObj.SM3, Sm3.hash(c))).toList())
                    : CertList.ofCertificates(signerCertificates);
            PropertyInfo property = new PropertyInfo(type, name, certList, createDate, validStart, validEnd);
            return new SealInfo(new SesHeader(SesHeader.VERSION_4, vid), esId, property, picture,
                    extensions.isEmpty() ? null : new ExtensionDatas(extensions));
        }

        private static void require(Object value, String field) {
            if (value == null) {
                throw new IllegalArgumentException(field + " is required");
            }
        }
    }
}
