package cn.hrss.seal.core.ses.asn1;

import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The strings Der writes itself are BouncyCastle's DER, across the short and long length forms. */
class DerTest {
    @Test
    void octetAndBitStringsAreTheDerBouncyCastleWrites() throws IOException {
        Random random = new Random(38540);
        for (int length : new int[] {0, 1, 32, 126, 127, 128, 255, 256, 65_535, 65_536, 200_000}) {
            byte[] value = new byte[length];
            random.nextBytes(value);
            assertThat(Der.octets(value)).isEqualTo(new DEROctetString(value).getEncoded("DER"));
            assertThat(Der.bitString(value)).isEqualTo(new DERBitString(value).getEncoded("DER"));
        }
    }

    @Test
    void aSequenceHeaderIsTheHeaderOfTheSequence() {
        for (int length : new int[] {0, 127, 128, 300, 70_000}) {
            byte[] content = new byte[length];
            byte[] sequence = Der.sequence(content);
            byte[] header = Der.sequenceHeader(length);
            assertThat(header.length + length).isEqualTo(sequence.length);
            assertThat(java.util.Arrays.copyOf(sequence, header.length)).isEqualTo(header);
        }
    }
}
