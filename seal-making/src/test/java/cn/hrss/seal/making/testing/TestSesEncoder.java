package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.port.SealEncoder;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** GB/T 38540 v4 SES_Seal with plain BouncyCastle ASN.1, standing in for seal-core's ses.v4 in tests. */
public final class TestSesEncoder implements SealEncoder {

    @Override
    public byte[] encodeSealInfo(SealContent c) {
        ASN1EncodableVector certs = new ASN1EncodableVector();
        c.signerCertificates().forEach(cert -> certs.add(new DEROctetString(cert)));
        DERSequence header = seq(new DERIA5String("ES"), new ASN1Integer(4), new DERIA5String(c.vendorId()));
        DERSequence property = seq(new ASN1Integer(c.type()), new DERUTF8String(c.name()), new ASN1Integer(1),
                new DERSequence(certs), time(c.createDate()), time(c.validStart()), time(c.validEnd()));
        DERSequence picture = seq(new DERIA5String(c.pictureType()), new DEROctetString(c.picture()),
                new ASN1Integer(c.widthMm()), new ASN1Integer(c.heightMm()));
        return der(seq(header, new DERIA5String(c.esId()), property, picture));
    }

    @Override
    public byte[] assemble(byte[] sealInfo, byte[] makerCertificate, byte[] signature) {
        try {
            return der(seq(ASN1Primitive.fromByteArray(sealInfo), new DEROctetString(makerCertificate),
                    GMObjectIdentifiers.sm2sign_with_sm3, new DERBitString(signature)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DERGeneralizedTime time(Instant t) {
        return new DERGeneralizedTime(Date.from(t.truncatedTo(ChronoUnit.SECONDS)));
    }

    private static DERSequence seq(ASN1Encodable... items) {
        return new DERSequence(items);
    }

    private static byte[] der(ASN1Encodable e) {
        try {
            return e.toASN1Primitive().getEncoded("DER");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
