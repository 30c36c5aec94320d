package cn.hrss.seal.making.testing;

import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1GeneralizedTime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;

/** Reads the parts of an SES_Seal that tests check (GB/T 38540 v4 field order). */
public record SesSeals(byte[] sealInfo, String esId, List<byte[]> signerCertificates, Instant validEnd,
                       byte[] makerCertificate, byte[] signature) {

    public static SesSeals parse(byte[] der) {
        try {
            ASN1Sequence seal = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            ASN1Sequence info = ASN1Sequence.getInstance(seal.getObjectAt(0));
            ASN1Sequence property = ASN1Sequence.getInstance(info.getObjectAt(2));
            List<byte[]> certs = java.util.Arrays.stream(ASN1Sequence.getInstance(property.getObjectAt(3)).toArray())
                    .map(c -> ASN1OctetString.getInstance(c).getOctets()).toList();
            Instant validEnd = ASN1GeneralizedTime.getInstance(property.getObjectAt(6)).getDate().toInstant();
            return new SesSeals(info.getEncoded("DER"), ASN1IA5String.getInstance(info.getObjectAt(1)).getString(),
                    certs, validEnd, ASN1OctetString.getInstance(seal.getObjectAt(1)).getOctets(),
                    ASN1BitString.getInstance(seal.getObjectAt(3)).getOctets());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }
}
