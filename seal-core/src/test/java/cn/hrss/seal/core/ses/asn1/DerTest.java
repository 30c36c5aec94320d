package cn.hrss.seal.core.ses.asn1;

import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERGeneralizedTime;
import org.bouncycastle.asn1.DEROctetString;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The strings and times Der writes itself are BouncyCastle's DER, across the short and long length forms. */
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
    void generalizedTimesAreTheDerBouncyCastleWritesTruncatedToSeconds() throws IOException {
        Random random = new Random(38540);
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.EPOCH, Instant.parse("2024-02-29T12:34:56.7Z"),
                Instant.parse("1969-12-31T23:59:59.5Z")));
        for (int i = 0; i < 1_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(4_102_444_800L), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            assertThat(Der.generalizedTime(instant)).as("%s", instant).isEqualTo(
                    new DERGeneralizedTime(format.format(instant.truncatedTo(ChronoUnit.SECONDS))).getEncoded("DER"));
        }
        assertThatThrownBy(() -> Der.generalizedTime(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Der.generalizedTime(Instant.parse("0000-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
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
