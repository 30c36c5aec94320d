package cn.hrss.seal.core.ses.v4;

import cn.hrss.seal.core.ses.SesFormatException;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.asn1.SesAsn1Object;

import java.util.ArrayList;
import java.util.List;

/**
 * <pre>
 * SES_CertList ::= CHOICE {
 *   certs          SEQUENCE OF OCTET STRING,   -- certListType 1: DER signer certificates
 *   certDigestList SEQUENCE OF CertDigestObj } -- certListType 2
 * </pre>
 * Both alternatives are untagged SEQUENCE OF, so the CHOICE cannot be decoded on its own: the type comes from
 * SES_ESPropertyInfo.certListType.
 */
public final class CertList extends SesAsn1Object {
    public static final int CERTIFICATES = 1;
    public static final int DIGESTS = 2;

    private final int type;
    private final List<byte[]> certificates;
    private final List<CertDigestObj> digests;

    private CertList(int type, List<byte[]> certificates, List<CertDigestObj> digests, DerNode decoded) {
        super(decoded != null ? decoded : built(encode(certificates, digests)));
        this.type = type;
        this.certificates = certificates;
        this.digests = digests;
    }

    /** certListType 1: the DER encodings of the certificates allowed to sign with the seal. */
    public static CertList ofCertificates(List<byte[]> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a seal lists at least one signer certificate");
        }
        return new CertList(CERTIFICATES, certificates.stream().map(byte[]::clone).toList(), List.of(), null);
    }

    /** certListType 2: digests of the signer certificates. */
    public static CertList ofDigests(List<CertDigestObj> digests) {
        if (digests.isEmpty()) {
            throw new IllegalArgumentException("a seal lists at least one signer certificate digest");
        }
        return new CertList(DIGESTS, List.of(), List.copyOf(digests), null);
    }

    /** Decodes the CHOICE alternative selected by {@code certListType}. */
    public static CertList getInstance(int certListType, Object obj) {
        if (obj instanceof CertList list && list.type == certListType) {
            return list;
        }
        DerNode node = DerNode.of(obj);
        List<DerNode> items = node.sequence("SES_CertList", 0, Integer.MAX_VALUE);
        switch (certListType) {
            case CERTIFICATES -> {
                List<byte[]> certs = new ArrayList<>(items.size());
                for (DerNode item : items) {
                    certs.add(item.octets("SES_CertList.certs"));
                }
                return new CertList(CERTIFICATES, List.copyOf(certs), List.of(), node);
            }
            case DIGESTS -> {
                List<CertDigestObj> digests = new ArrayList<>(items.size());
                for (DerNode item : items) {
                    digests.add(CertDigestObj.getInstance(item));
                }
                return new CertList(DIGESTS, List.of(), List.copyOf(digests), node);
            }
            default -> throw SesFormatException.malformed("certListType " + certListType + " is neither 1 nor 2");
        }
    }

    /** certListType: {@link #CERTIFICATES} or {@link #DIGESTS}. */
    public int type() {
        return type;
    }

    /** The listed certificates (certListType 1), empty otherwise. */
    public List<byte[]> certificates() {
        return certificates.stream().map(byte[]::clone).toList();
    }

    /** The listed digests (certListType 2), empty otherwise. */
    public List<CertDigestObj> digests() {
        return digests;
    }

    private static byte[] encode(List<byte[]> certificates, List<CertDigestObj> digests) {
        List<byte[]> items = new ArrayList<>();
        certificates.forEach(c -> items.add(Der.octets(c)));
        digests.forEach(d -> items.add(d.encoded()));
        return Der.sequence(items.toArray(byte[][]::new));
    }
}
