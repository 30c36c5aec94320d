package cn.hrss.seal.statusfed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SealRegionsTest {
    @Test
    void industryAndNationalCodesNameTheHoldersRegion() {
        assertThat(SealRegions.of("3502032694010000015")).contains("350203");
        assertThat(SealRegions.of("GJ35020326000000015")).contains("350203");
    }

    @Test
    void otherCodesNameNoRegion() {
        assertThat(SealRegions.of("AT00000000000000000000001")).isEmpty();
        assertThat(SealRegions.of("9902032694010000015")).as("no such province").isEmpty();
        assertThat(SealRegions.of("35020326940100000")).isEmpty();
        assertThat(SealRegions.of("GJ3502032600000001")).isEmpty();
    }
}
