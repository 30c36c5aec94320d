package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.v4.ExtData;
import cn.hrss.seal.core.ses.v4.ExtensionDatas;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our GB/T 38540 output read and verified by an independent implementation (ofdrw-gm 2.3.3 on BouncyCastle 1.68),
 * and ofdrw's output read and verified by us.
 */
class OfdrwInteropTest {
    private static final String V1 = "org.ofdrw.gm.ses.v1.";
    private static final String V4 = "org.ofdrw.gm.ses.v4.";
    private static IsolatedOfdrw ofdrw;

    @BeforeAll
    static void loadOfdrw() throws Exception {
        ofdrw = IsolatedOfdrw.load();
    }

    @AfterAll
    static void close() throws Exception {
        ofdrw.close();
    }

    @Test
    void ofdrwRunsOnItsOwnBouncyCastle() {
        assertThat(ofdrw.type("org.bouncycastle.asn1.ASN1Object"))
                .isNotSameAs(org.bouncycastle.asn1.ASN1Object.class);
        assertThat(ofdrw.bouncyCastle().getVersionStr()).startsWith("1.68");
    }

    @Test
    void ofdrwParsesOurSealAndVerifiesTheMakerSignature() throws Exception {
        SESeal ours = SesFixtures.seal();

        Object seal = ofdrw.callStatic(V4 + "SESeal", "getInstance", (Object) ours.encoded());
        Object info = ofdrw.call(seal, "geteSealInfo");
        Object property = ofdrw.call(info, "getProperty");

        assertThat(string(ofdrw.call(info, "getEsID"))).isEqualTo(ours.sealInfo().esId());
        assertThat(string(ofdrw.call(property, "getName"))).isEqualTo("测试单位公章");
        assertThat(integer(ofdrw.call(property, "getCertListType"))).isEqualTo(1);
        assertThat(integer(ofdrw.call(ofdrw.call(ofdrw.call(info, "getHeader"), "getVersion"), "getValue")))
                .isEqualTo(4);
        // ofdrw's re-encoding equals ours: our output is the canonical DER
        assertThat(ofdrw.der(seal)).isEqualTo(ours.encoded());
        byte[] cert = (byte[]) ofdrw.call(ofdrw.call(seal, "getCert"), "getOctets");
        byte[] signedValue = (byte[]) ofdrw.call(ofdrw.call(seal, "getSignedValue"), "getBytes");
        assertThat(ofdrw.verifySm3WithSm2(cert, ofdrw.der(info), signedValue)).isTrue();
    }

    @Test
    void ofdrwParsesOurSignatureAndVerifiesIt() throws Exception {
        SESeal seal = SesFixtures.seal();
        SesSignature ours = SesFixtures.signature(seal);

        Object signature = ofdrw.callStatic(V4 + "SES_Signature", "getInstance", (Object) ours.encoded());
        Object toSign = ofdrw.call(signature, "getToSign");

        assertThat(ofdrw.der(signature)).isEqualTo(ours.encoded());
        assertThat((byte[]) ofdrw.call(ofdrw.call(toSign, "getDataHash"), "getBytes"))
                .isEqualTo(Sm3.hash(SesFixtures.ORIGINAL));
        assertThat(string(ofdrw.call(toSign, "getPropertyInfo"))).isEqualTo(SesFixtures.PROPERTY_INFO);
        assertThat(((Date) ofdrw.call(ofdrw.call(toSign, "getTimeInfo"), "getDate")).toInstant())
                .isEqualTo(SesFixtures.SIGNED_AT);
        assertThat(ofdrw.call(signature, "getTimeStamp")).isNull();
        Object eseal = ofdrw.call(toSign, "getEseal");
        assertThat(ofdrw.der(eseal)).isEqualTo(seal.encoded());

        byte[] cert = (byte[]) ofdrw.call(ofdrw.call(signature, "getCert"), "getOctets");
        byte[] value = (byte[]) ofdrw.call(ofdrw.call(signature, "getSignature"), "getBytes");
        assertThat(ofdrw.verifySm3WithSm2(cert, ofdrw.der(toSign), value)).isTrue();
        byte[] makerCert = (byte[]) ofdrw.call(ofdrw.call(eseal, "getCert"), "getOctets");
        byte[] makerValue = (byte[]) ofdrw.call(ofdrw.call(eseal, "getSignedValue"), "getBytes");
        assertThat(ofdrw.verifySm3WithSm2(makerCert, ofdrw.der(ofdrw.call(eseal, "geteSealInfo")), makerValue))
                .isTrue();
    }

    @Test
    void ofdrwReadsOurExplicitlyTaggedTimeStampAndCriticalExtension() throws Exception {
        SesSignature ours = signatureWithExtension(true);

        Object signature = ofdrw.callStatic(V4 + "SES_Signature", "getInstance", (Object) ours.encoded());
        Object toSign = ofdrw.call(signature, "getToSign");

        assertThat(ofdrw.der(signature)).isEqualTo(ours.encoded());
        assertThat((byte[]) ofdrw.call(ofdrw.call(signature, "getTimeStamp"), "getBytes"))
                .isEqualTo(ours.timeStamp());
        Object ext = ofdrw.call(ofdrw.call(toSign, "getExtDatas"), "get", 0);
        assertThat(((byte[]) ofdrw.call(ofdrw.call(ext, "getExtnValue"), "getOctets"))).containsExactly(1, 2, 3);
        byte[] value = (byte[]) ofdrw.call(ofdrw.call(signature, "getSignature"), "getBytes");
        assertThat(ofdrw.verifySm3WithSm2(SesFixtures.SIGNER.certificate(), ofdrw.der(toSign), value)).isTrue();
    }

    /**
     * Known ofdrw 2.3.3 limitation: its ExtData needs the critical BOOLEAN present and ExtensionDatas silently drops
     * entries it cannot read, so a DER ExtData with critical FALSE (omitted, as DER requires) disappears and a
     * verifier that re-encodes TBS_Sign fails. Our makers therefore add no extensions unless asked (FORMATS.md).
     */
    @Test
    void ofdrwDropsDerNonCriticalExtensions() throws Exception {
        SesSignature ours = signatureWithExtension(false);

        Object signature = ofdrw.callStatic(V4 + "SES_Signature", "getInstance", (Object) ours.encoded());
        Object toSign = ofdrw.call(signature, "getToSign");
        byte[] value = (byte[]) ofdrw.call(ofdrw.call(signature, "getSignature"), "getBytes");

        assertThat(ofdrw.der(toSign)).hasSizeLessThan(ours.toSign().encodedLength());
        assertThat(ofdrw.verifySm3WithSm2(SesFixtures.SIGNER.certificate(), ofdrw.der(toSign), value)).isFalse();
        assertThat(ofdrw.verifySm3WithSm2(SesFixtures.SIGNER.certificate(), ours.toSign().encoded(), value))
                .isTrue();
    }

    private static SesSignature signatureWithExtension(boolean critical) {
        ExtensionDatas ext = new ExtensionDatas(List.of(
                new ExtData(new ASN1ObjectIdentifier("1.2.156.112233.7"), critical, new byte[] {1, 2, 3})));
        TbsSign tbs = SignatureMaker.toBeSigned(SesFixtures.seal(), Sm3.hash(SesFixtures.ORIGINAL),
                SesFixtures.PROPERTY_INFO, SesFixtures.SIGNED_AT, ext);
        return SignatureMaker.sign(tbs, SesFixtures.SIGNER.certificate(), SesFixtures.SIGNER.signer(), Sm3::hash);
    }

    @Test
    void sealAndSignatureBuiltByOfdrwAreReadAndVerifiedByUs() throws Exception {
        Date created = Date.from(SesFixtures.CREATED);
        Object certList = ofdrw.construct(V4 + "SES_CertList", ofdrw.construct(V4 + "CertInfoList",
                ofdrw.array("org.bouncycastle.asn1.ASN1OctetString",
                        ofdrw.asn1("DEROctetString", (Object) SesFixtures.SIGNER.certificate()))));
        Object property = ofdrw.construct(V4 + "SES_ESPropertyInfo", ofdrw.asn1("ASN1Integer", 3L),
                ofdrw.asn1("DERUTF8String", "ofdrw 印章"), ofdrw.asn1("ASN1Integer", 1L), certList,
                ofdrw.asn1("ASN1GeneralizedTime", created),
                ofdrw.asn1("ASN1GeneralizedTime", Date.from(SesFixtures.VALID_FROM)),
                ofdrw.asn1("ASN1GeneralizedTime", Date.from(SesFixtures.VALID_TO)));
        Object picture = ofdrw.construct(V1 + "SES_ESPictrueInfo", ofdrw.asn1("DERIA5String", "PNG"),
                ofdrw.asn1("DEROctetString", (Object) SesFixtures.PICTURE), ofdrw.asn1("ASN1Integer", 42L),
                ofdrw.asn1("ASN1Integer", 42L));
        Object header = ofdrw.construct(V1 + "SES_Header", ofdrw.asn1("ASN1Integer", 4L),
                ofdrw.asn1("DERIA5String", "OFDR"));
        Object info = ofdrw.construct(V4 + "SES_SealInfo", header, ofdrw.asn1("DERIA5String", "ofdrw-esid-1"),
                property, picture, null);
        Object alg = ofdrw.asn1("ASN1ObjectIdentifier", Sm2.SM3_WITH_SM2.getAlgorithm().getId());
        Object seal = ofdrw.construct(V4 + "SESeal", info,
                ofdrw.asn1("DEROctetString", (Object) SesFixtures.MAKER.certificate()), alg,
                ofdrw.asn1("DERBitString", (Object) SesFixtures.MAKER.signer().sign(ofdrw.der(info))));
        byte[] sealDer = ofdrw.der(seal);

        Object tbs = ofdrw.construct(V4 + "TBS_Sign", ofdrw.asn1("ASN1Integer", 4L), seal,
                ofdrw.asn1("ASN1GeneralizedTime", Date.from(SesFixtures.SIGNED_AT)),
                ofdrw.asn1("DERBitString", (Object) Sm3.hash(SesFixtures.ORIGINAL)),
                ofdrw.asn1("DERIA5String", SesFixtures.PROPERTY_INFO), null);
        Object signature = ofdrw.construct(V4 + "SES_Signature", tbs,
                ofdrw.asn1("DEROctetString", (Object) SesFixtures.SIGNER.certificate()), alg,
                ofdrw.asn1("DERBitString", (Object) SesFixtures.SIGNER.signer().sign(ofdrw.der(tbs))), null);
        byte[] signatureDer = ofdrw.der(signature);

        SealView sealView = new SesParser().parseSeal(sealDer);
        assertThat(sealView.esId()).isEqualTo("ofdrw-esid-1");
        assertThat(sealView.vendorId()).isEqualTo("OFDR");
        assertThat(sealView.name()).isEqualTo("ofdrw 印章");
        assertThat(sealView.createDate()).isEqualTo(SesFixtures.CREATED);
        assertThat(SesVerifier.sealSignature(sealView).passed()).isTrue();
        assertThat(SESeal.getInstance(sealDer).encoded()).isEqualTo(sealDer);

        SignatureView view = new SesParser().parseSignature(signatureDer);
        assertThat(view.signingTime()).contains(SesFixtures.SIGNED_AT);
        SesVerification result = SesVerifier.verify(view, Sm3.hash(SesFixtures.ORIGINAL));
        assertThat(result.checks()).allSatisfy(c -> assertThat(c.status()).as(c.reason())
                .isEqualTo(SesCheck.Status.PASSED));
    }

    private static String string(Object asn1String) {
        return (String) ofdrw.call(asn1String, "getString");
    }

    private static int integer(Object value) {
        Object v = value instanceof BigInteger ? value : ofdrw.call(value, "getValue");
        return ((BigInteger) v).intValueExact();
    }
}
