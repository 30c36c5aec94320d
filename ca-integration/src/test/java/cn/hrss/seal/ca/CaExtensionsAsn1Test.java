package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.SealSource;
import cn.hrss.seal.ca.api.SystemIdentity;
import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.ASN1Encodable;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encoding and strict parsing of the project's private certificate extensions. */
class CaExtensionsAsn1Test {

    @Test
    void systemIdentityHasAFixedEncodingAndRoundTrips() throws Exception {
        SystemIdentity id = new SystemIdentity(Tier.CITY, AdministrativeRegionCode.parse("440300"));

        byte[] der = id.getEncoded("DER");

        // SEQUENCE { ENUMERATED 3, PrintableString "440300" }
        assertThat(HexFormat.of().formatHex(der)).isEqualTo("300b0a01031306343430333030");
        SystemIdentity back = SystemIdentity.getInstance(ASN1Primitive.fromByteArray(der));
        assertThat(back.tier()).isEqualTo(Tier.CITY);
        assertThat(back.region().value()).isEqualTo("440300");
    }

    @Test
    void sealSourceRoundTripsWithChineseMakingSystem() throws Exception {
        SealSource source = new SealSource("44030012345678", "广东省印章制作系统");

        SealSource back = SealSource.getInstance(ASN1Primitive.fromByteArray(source.getEncoded("DER")));

        assertThat(back.esId()).isEqualTo("44030012345678");
        assertThat(back.makingSystem()).isEqualTo("广东省印章制作系统");
    }

    @Test
    void malformedValuesAreRejected() {
        ASN1Encodable[] badTier = {new ASN1Enumerated(9), new DERPrintableString("440300")};
        ASN1Encodable[] badRegion = {new ASN1Enumerated(1), new DERPrintableString("44")};
        ASN1Encodable[] extra = {new ASN1Enumerated(1), new DERPrintableString("440300"), new ASN1Enumerated(1)};
        ASN1Encodable[] wrongTypes = {new DERUTF8String("x"), new DERUTF8String("y")};

        for (ASN1Encodable[] bad : Arrays.asList(badTier, badRegion, extra, wrongTypes)) {
            assertThatThrownBy(() -> SystemIdentity.getInstance(new DERSequence(bad)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> SealSource.getInstance(new DERSequence(new ASN1Encodable[]{
                new DERPrintableString("1"), new DERPrintableString("x")})))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealSource.getInstance(new DERSequence(new DERPrintableString("1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SystemIdentity.getInstance(new DERPrintableString("440300")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SystemIdentity.getInstance(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
