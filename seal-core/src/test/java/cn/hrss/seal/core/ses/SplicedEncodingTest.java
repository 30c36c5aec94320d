package cn.hrss.seal.core.ses;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.ses.asn1.Der;
import cn.hrss.seal.core.ses.asn1.SplicedEncoding;
import cn.hrss.seal.core.ses.v4.ExtData;
import cn.hrss.seal.core.ses.v4.ExtensionDatas;
import cn.hrss.seal.core.ses.v4.SESeal;
import cn.hrss.seal.core.ses.v4.SesSignature;
import cn.hrss.seal.core.ses.v4.TbsSign;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TBS_Sign and SES_Signature kept around their seal are byte for byte the structures built whole. */
class SplicedEncodingTest {
    private static final SESeal SEAL = SesFixtures.seal();
    private static final Instant AT = Instant.parse("2026-03-01T08:00:00.250Z");
    private static final byte[] DATA_HASH = Sm3.hash(new byte[] {1, 2, 3});
    private static final byte[] VALUE = Arrays.copyOf(new byte[] {0x30, 0x44}, 70);
    private static final ASN1ObjectIdentifier ALG = Sm2.SM3_WITH_SM2.getAlgorithm();
    private static final ExtensionDatas EXT = new ExtensionDatas(List.of(
            new ExtData(new ASN1ObjectIdentifier("1.2.156.112233.1"), false, new byte[] {9})));

    @Test
    void aTbsSignAroundItsSealIsTheBuiltTbsSign() {
        // propertyInfo lengths across the DER short/long length forms of the elements and the headers
        for (int length : new int[] {1, 100, 127, 128, 255, 256, 512}) {
            String propertyInfo = "p".repeat(length);
            for (ExtensionDatas ext : Arrays.asList(null, EXT)) {
                SplicedEncoding spliced = TbsSign.encodeAroundSeal(SEAL, AT, DATA_HASH, propertyInfo, ext);
                byte[] built = new TbsSign(SEAL, AT, DATA_HASH, propertyInfo, ext).encoded();
                // the same DER assembled from whole element encodings, independently of SplicedEncoding
                byte[] reference = ext == null
                        ? Der.sequence(Der.integer(4), SEAL.encoded(), Der.generalizedTime(AT), Der.bitString(DATA_HASH),
                        Der.ia5(propertyInfo))
                        : Der.sequence(Der.integer(4), SEAL.encoded(), Der.generalizedTime(AT), Der.bitString(DATA_HASH),
                        Der.ia5(propertyInfo), Der.explicit0(ext.encoded()));
                assertThat(spliced.toByteArray()).isEqualTo(built).isEqualTo(reference);
                assertThat(TbsSign.getInstance(built).encoded()).isEqualTo(reference);
                assertThat(spliced.length()).isEqualTo(built.length);
                assertThat(spliced.shared()).containsSame(SEAL);
            }
        }
    }

    @Test
    void aSignatureAroundTheSealIsTheBuiltSignatureWrittenOrCopied() throws IOException {
        byte[] cert = SesFixtures.SIGNER.certificate();
        for (byte[] timeStamp : Arrays.asList(null, new byte[300])) {
            SplicedEncoding toSign = TbsSign.encodeAroundSeal(SEAL, AT, DATA_HASH, "signId=1", null);
            SplicedEncoding spliced = SesSignature.encodeAroundSeal(toSign, cert, ALG, VALUE, timeStamp);
            byte[] built = new SesSignature(new TbsSign(SEAL, AT, DATA_HASH, "signId=1", null), cert, ALG, VALUE,
                    timeStamp).encoded();
            byte[] toSignDer = Der.sequence(Der.integer(4), SEAL.encoded(), Der.generalizedTime(AT),
                    Der.bitString(DATA_HASH), Der.ia5("signId=1"));
            byte[] reference = timeStamp == null
                    ? Der.sequence(toSignDer, Der.octets(cert), Der.oid(ALG), Der.bitString(VALUE))
                    : Der.sequence(toSignDer, Der.octets(cert), Der.oid(ALG), Der.bitString(VALUE),
                    Der.explicit0(Der.bitString(timeStamp)));
            assertThat(spliced.toByteArray()).isEqualTo(built).isEqualTo(reference);

            ByteArrayOutputStream written = new ByteArrayOutputStream();
            spliced.writeTo(written);
            assertThat(written.toByteArray()).isEqualTo(built);

            byte[] copied = new byte[built.length + 3];
            spliced.copyTo(copied, 3);
            assertThat(Arrays.copyOfRange(copied, 3, copied.length)).isEqualTo(built);
            assertThatThrownBy(() -> spliced.copyTo(new byte[built.length], 1))
                    .isInstanceOf(IndexOutOfBoundsException.class);

            // the parts are the bytes before and after the seal
            assertThat(Arrays.copyOf(built, spliced.head().length)).isEqualTo(spliced.head());
            assertThat(Arrays.copyOfRange(built, built.length - spliced.tail().length, built.length))
                    .isEqualTo(spliced.tail());
            assertThat(spliced.head().length + SEAL.encodedLength() + spliced.tail().length)
                    .isEqualTo(built.length);
        }
    }

    @Test
    void aSplicedSequenceHasExactlyOneSharedElement() {
        assertThatThrownBy(() -> SplicedEncoding.sequence(Der.integer(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a shared element");
        assertThatThrownBy(() -> SplicedEncoding.sequence(SEAL, SEAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one shared element");
        assertThatThrownBy(() -> SplicedEncoding.sequence(SplicedEncoding.of(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an element");
        assertThatThrownBy(() -> SplicedEncoding.sequence("text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an element");
    }

    @Test
    void plainBytesAreCopiedAndHaveNoSharedPart() {
        byte[] bytes = {1, 2, 3};
        SplicedEncoding plain = SplicedEncoding.of(bytes);
        bytes[0] = 9;
        assertThat(plain.toByteArray()).containsExactly(1, 2, 3);
        assertThat(plain.shared()).isEmpty();
        assertThat(plain.length()).isEqualTo(3);
    }
}
