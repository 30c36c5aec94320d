package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.DerNode;
import cn.hrss.seal.core.ses.v4.CertList;
import cn.hrss.seal.core.ses.v4.ExtData;
import cn.hrss.seal.core.ses.v4.ExtensionDatas;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SealInfo;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Round trips and the tolerated input variants of GB/T 38540 v4 (standards notes, known pitfalls 1, 6, 7). */
class SesV4StructureTest {
    private static final ASN1ObjectIdentifier EXT_ID = new ASN1ObjectIdentifier("1.2.156.112233.1");
    private static final byte[] EXT_VALUE = "ext".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decodedStructuresExposeTheBuiltValues() {
        SESeal seal = SESeal.getInstance(SesFixtures.seal().encoded());
        SealInfo info = seal.sealInfo();
        assertThat(info.header().version()).isEqualTo(4);
        assertThat(info.header().vid()).isEqualTo("HRSS");
        assertThat(info.esId()).isEqualTo("11010000000000012026000000000001");
        assertThat(info.property().name()).isEqualTo("测试单位公章");
        assertThat(info.property().certList().type()).isEqualTo(CertList.CERTIFICATES);
        assertThat(info.property().certList().certificates()).singleElement()
                .isEqualTo(SesFixtures.SIGNER.certificate());
        assertThat(info.property().validEnd()).isEqualTo(SesFixtures.VALID_TO);
        assertThat(info.picture().data()).isEqualTo(SesFixtures.PICTURE);
        assertThat(info.picture().widthMm()).isEqualTo(40);
        assertThat(info.extDatas()).isNull();
        assertThat(seal.signAlgId()).isEqualTo(Sm2.SM3_WITH_SM2.getAlgorithm());
    }

    @Test
    void getInstanceAcceptsBouncyCastleObjectsAndNull() {
        SESeal seal = SesFixtures.seal();
        assertThat(SESeal.getInstance(seal.toASN1Primitive()).encoded()).isEqualTo(seal.encoded());
        assertThat(SESeal.getInstance(seal)).isSameAs(seal);
        assertThat(SESeal.getInstance(null)).isNull();
        assertThatThrownBy(() -> SESeal.getInstance("not ASN.1"))
                .isInstanceOfSatisfying(SesFormatException.class,
                        e -> assertThat(e.code()).isEqualTo(SesFormatException.MALFORMED));
    }

    @Test
    void koalStyleRawMakerSignatureVerifies() {
        SealInfo info = SesFixtures.sealInfo().build();
        byte[] raw = Sm2.derToRaw(SesFixtures.MAKER.signer().sign(info.encoded()));
        SESeal seal = new SESeal(info, SesFixtures.MAKER.certificate(), Sm2.SM3_WITH_SM2.getAlgorithm(), raw);

        SealView view = new SesParser().parseSeal(seal.encoded());

        assertThat(view.signatureValue()).hasSize(64);
        SesCheck check = SesVerifier.sealSignature(view);
        assertThat(check.status()).isEqualTo(SesCheck.Status.PASSED);
        assertThat(check.reason()).contains("raw");
    }

    @Test
    void sealMakerNormalisesARawSignatureToDer() {
        SealInfo info = SesFixtures.sealInfo().build();
        SESeal seal = SealMaker.make(info, SesFixtures.MAKER.certificate(),
                tbs -> Sm2.derToRaw(SesFixtures.MAKER.signer().sign(tbs)));
        assertThat(seal.signedValue()[0]).isEqualTo((byte) 0x30);
        assertThat(Sm2.decodeSignature(seal.signedValue())).hasSize(2);
    }

    @Test
    void explicitDefaultFalseInExtDataIsKeptSoTheSealSignatureStillVerifies() {
        SealInfo plain = SesFixtures.sealInfo().build();
        // Koal writes critical BOOLEAN FALSE explicitly (not DER); re-encoding would drop it and break the signature
        byte[] threeElementExt = Der.sequence(Der.oid(EXT_ID), Der.bool(false), Der.octets(EXT_VALUE));
        byte[] infoBytes = Der.sequence(plain.header().encoded(), Der.ia5(plain.esId()), plain.property().encoded(),
                plain.picture().encoded(), Der.sequence(threeElementExt));

        SESeal seal = SealMaker.make(SealInfo.getInstance(infoBytes), SesFixtures.MAKER.certificate(),
                SesFixtures.MAKER.signer());
        SESeal decoded = SESeal.getInstance(seal.encoded());

        ExtData ext = decoded.sealInfo().extDatas().extensions().get(0);
        assertThat(ext.critical()).isFalse();
        assertThat(ext.encoded()).isEqualTo(threeElementExt)
                .isNotEqualTo(new ExtData(EXT_ID, false, EXT_VALUE).encoded());
        assertThat(decoded.sealInfo().encoded()).isEqualTo(infoBytes);
        assertThat(SesVerifier.sealSignature(SesParser.view(decoded)).passed()).isTrue();
    }

    @Test
    void twoAndThreeElementExtDataAreBothRead() {
        ExtData two = ExtData.getInstance(Der.sequence(Der.oid(EXT_ID), Der.octets(EXT_VALUE)));
        // BER TRUE as 0x01 (DER would be 0xFF)
        byte[] berTrue = Der.sequence(Der.oid(EXT_ID), new byte[] {0x01, 0x01, 0x01}, Der.octets(EXT_VALUE));
        ExtData three = ExtData.getInstance(berTrue);

        assertThat(two.critical()).isFalse();
        assertThat(two.extnValue()).isEqualTo(EXT_VALUE);
        assertThat(three.critical()).isTrue();
        assertThat(three.encoded()).isEqualTo(berTrue);
        assertThat(new ExtData(EXT_ID, true, EXT_VALUE).encoded()).containsSubsequence((byte) 0x01, (byte) 0x01,
                (byte) 0xFF);
    }

    @Test
    void berLengthFormsAreKeptWhereBouncyCastleWouldReEncodeThem() throws Exception {
        byte[] oid = Der.oid(EXT_ID);
        byte[] longFormValue = {0x04, (byte) 0x81, 0x03, 'e', 'x', 't'};
        byte[] ber = new byte[3 + oid.length + longFormValue.length];
        ber[0] = 0x30;
        ber[1] = (byte) 0x81;
        ber[2] = (byte) (oid.length + longFormValue.length);
        System.arraycopy(oid, 0, ber, 3, oid.length);
        System.arraycopy(longFormValue, 0, ber, 3 + oid.length, longFormValue.length);

        ExtData ext = ExtData.getInstance(ber);

        assertThat(ext.extnValue()).isEqualTo(EXT_VALUE);
        assertThat(ext.encoded()).isEqualTo(ber);
        assertThat(DerNode.of(ext).encoded()).isEqualTo(ber);
        assertThat(ExtensionDatas.getInstance(Der.sequence(ber)).extensions().get(0).encoded()).isEqualTo(ber);
        assertThat(ext.getEncoded()).isNotEqualTo(ber);
    }

    @Test
    void tbsExtensionsAreWrittenAsExplicitZeroAndReadEitherWay() {
        SESeal seal = SesFixtures.seal();
        ExtensionDatas ext = new ExtensionDatas(java.util.List.of(new ExtData(EXT_ID, false, EXT_VALUE)));
        TbsSign built = SignatureMaker.toBeSigned(seal, Sm3.hash(SesFixtures.ORIGINAL), "p", SesFixtures.SIGNED_AT,
                ext);
        byte[] tagged = built.encoded();
        assertThat(tagged).containsSubsequence(Der.explicit0(ext.encoded()));

        byte[] untagged = Der.sequence(Der.integer(4), seal.encoded(), Der.generalizedTime(SesFixtures.SIGNED_AT),
                Der.bitString(Sm3.hash(SesFixtures.ORIGINAL)), Der.ia5("p"), ext.encoded());
        TbsSign fromUntagged = TbsSign.getInstance(untagged);
        TbsSign fromTagged = TbsSign.getInstance(tagged);

        assertThat(fromTagged.extDatas().encoded()).isEqualTo(ext.encoded());
        assertThat(fromUntagged.extDatas().encoded()).isEqualTo(ext.encoded());
        assertThat(fromUntagged.encoded()).isEqualTo(untagged);
    }

    @Test
    void untaggedTimeStampIsReadAndTheSignatureVerifiesOverTheOriginalTbs() {
        SESeal seal = SesFixtures.seal();
        TbsSign tbs = SignatureMaker.toBeSigned(seal, Sm3.hash(SesFixtures.ORIGINAL), SesFixtures.PROPERTY_INFO,
                SesFixtures.SIGNED_AT, null);
        byte[] sig = SesFixtures.SIGNER.signer().sign(tbs.encoded());
        byte[] token = {0x30, 0x03, 0x02, 0x01, 0x07};
        byte[] untagged = Der.sequence(tbs.encoded(), Der.octets(SesFixtures.SIGNER.certificate()),
                Der.oid(Sm2.SM3_WITH_SM2.getAlgorithm()), Der.bitString(sig), Der.bitString(token));

        SesSignature decoded = SesSignature.getInstance(untagged);
        SignatureView view = new SesParser().parseSignature(untagged);

        assertThat(decoded.timeStamp()).isEqualTo(token);
        assertThat(view.timeStamp()).hasValueSatisfying(t -> assertThat(t).isEqualTo(token));
        assertThat(SesVerifier.verify(view, Sm3.hash(SesFixtures.ORIGINAL)).verdict())
                .isEqualTo(SesCheck.Status.PASSED);
    }

    @Test
    void timeStampHookGetsTheSignatureValueAndItsTokenIsWrittenAsExplicitZero() {
        SESeal seal = SesFixtures.seal();
        TbsSign tbs = SignatureMaker.toBeSigned(seal, Sm3.hash(SesFixtures.ORIGINAL), SesFixtures.PROPERTY_INFO,
                SesFixtures.SIGNED_AT, null);
        byte[][] seen = new byte[1][];
        SesSignature signature = SignatureMaker.sign(tbs, SesFixtures.SIGNER.certificate(),
                SesFixtures.SIGNER.signer(), value -> {
                    seen[0] = value;
                    return Sm3.hash(value);
                });

        assertThat(seen[0]).isEqualTo(signature.signature());
        assertThat(signature.timeStamp()).isEqualTo(Sm3.hash(signature.signature()));
        byte[] encoded = signature.encoded();
        assertThat(Arrays.copyOfRange(encoded, encoded.length - 37, encoded.length))
                .isEqualTo(Der.explicit0(Der.bitString(Sm3.hash(signature.signature()))));
    }

    @Test
    void digestCertListIsDecodedByCertListType() {
        SESeal seal = SealMaker.make(SesFixtures.sealInfo().listCertificateDigests(true).build(),
                SesFixtures.MAKER.certificate(), SesFixtures.MAKER.signer());
        SESeal decoded = SESeal.getInstance(seal.encoded());

        CertList list = decoded.sealInfo().property().certList();
        assertThat(list.type()).isEqualTo(CertList.DIGESTS);
        assertThat(list.digests()).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo("SM3");
            assertThat(d.value()).isEqualTo(Sm3.hash(SesFixtures.SIGNER.certificate()));
        });
        SignatureView view = SesParser.view(SesFixtures.signature(decoded));
        assertThat(SesVerifier.signerListedInSeal(view).passed()).isTrue();
    }

    @Test
    void unknownCertListTypeIsMalformed() {
        assertFormatError(replaceProperty(p -> Der.sequence(Der.integer(1), Der.utf8("n"), Der.integer(3),
                Der.sequence(), p[4], p[5], p[6])), SesFormatException.MALFORMED);
    }

    @Test
    void otherHeaderVersionsAndElementCountsAreUnsupported() {
        SESeal seal = SesFixtures.seal();
        byte[] info = seal.sealInfo().encoded();
        byte[] header4 = seal.sealInfo().header().encoded();
        byte[] header3 = Der.sequence(Der.ia5("ES"), Der.integer(3), Der.ia5("HRSS"));
        byte[] info3 = replace(info, header4, header3);
        byte[] tail = Arrays.copyOfRange(seal.encoded(), 4 + info.length, seal.encoded().length);
        assertFormatError(Der.sequence(info3, tail), SesFormatException.UNSUPPORTED_VERSION);

        byte[] v5 = Der.sequence(info, tail, Der.explicit0(Der.bitString(new byte[] {1})));
        assertFormatError(v5, SesFormatException.UNSUPPORTED_VERSION);
        assertThatThrownBy(() -> new SesParser().parseSeal(v5)).isInstanceOfSatisfying(SesFormatException.class,
                e -> assertThat(e.code()).isEqualTo(SesFormatException.UNSUPPORTED_VERSION));
    }

    @Test
    void headerIdMustBeEs() {
        byte[] info = SesFixtures.seal().sealInfo().encoded();
        byte[] bad = replace(info, SesFixtures.seal().sealInfo().header().encoded(),
                Der.sequence(Der.ia5("EZ"), Der.integer(4), Der.ia5("HRSS")));
        assertThatThrownBy(() -> SealInfo.getInstance(bad)).isInstanceOfSatisfying(SesFormatException.class,
                e -> assertThat(e.code()).isEqualTo(SesFormatException.MALFORMED));
    }

    @Test
    void timesWithoutZoneAreRejected() {
        byte[] localTime = new byte[] {0x18, 0x0E, '2', '0', '2', '6', '0', '1', '0', '5', '0', '0', '0', '0', '0', '0'};
        assertFormatError(replaceProperty(p -> Der.sequence(p[0], p[1], p[2], p[3], localTime, p[5], p[6])),
                SesFormatException.MALFORMED);
    }

    @Test
    void toAsn1PrimitiveIsABouncyCastleViewOfTheEncoding() throws Exception {
        SESeal seal = SesFixtures.seal();
        assertThat(ASN1Primitive.fromByteArray(seal.encoded())).isEqualTo(seal.toASN1Primitive());
        assertThat(seal.getEncoded()).isEqualTo(seal.encoded());
    }

    private static void assertFormatError(byte[] sealBytes, String code) {
        assertThatThrownBy(() -> SESeal.getInstance(sealBytes)).isInstanceOfSatisfying(SesFormatException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** A seal (signature not valid) whose SES_ESPropertyInfo is rebuilt from the original elements. */
    private static byte[] replaceProperty(java.util.function.Function<byte[][], byte[]> property) {
        SESeal seal = SesFixtures.seal();
        SealInfo info = seal.sealInfo();
        var p = info.property();
        byte[][] fields = {Der.integer(p.type()), Der.utf8(p.name()), Der.integer(p.certList().type()),
                p.certList().encoded(), Der.generalizedTime(p.createDate()), Der.generalizedTime(p.validStart()),
                Der.generalizedTime(p.validEnd())};
        byte[] infoBytes = Der.sequence(info.header().encoded(), Der.ia5(info.esId()), property.apply(fields),
                info.picture().encoded());
        return Der.sequence(infoBytes, Der.octets(seal.cert()), Der.oid(seal.signAlgId()),
                Der.bitString(seal.signedValue()));
    }

    private static byte[] replace(byte[] in, byte[] what, byte[] with) {
        for (int i = 0; i + what.length <= in.length; i++) {
            if (Arrays.equals(in, i, i + what.length, what, 0, what.length)) {
                byte[] content = new byte[in.length - what.length + with.length];
                System.arraycopy(in, 0, content, 0, i);
                System.arraycopy(with, 0, content, i, with.length);
                System.arraycopy(in, i + what.length, content, i + with.length, in.length - i - what.length);
                // in is a SEQUENCE: re-wrap its content
                DerNode node = DerNode.parse(in, SesLimits.DEFAULT);
                int header = in.length - node.contentLength();
                return Der.sequence(Arrays.copyOfRange(content, header, content.length));
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
