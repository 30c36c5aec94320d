package cn.hrss.seal.making.lifecycle;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SelfServiceRenewalTest {

    /** Holders' tools sign exactly these bytes; changing them breaks every USBKey client. */
    @Test
    void canonicalTextIsPinned() {
        byte[] tbs = new SelfServiceRenewal("1101052694010000010", 365, Instant.parse("2026-11-23T18:00:00Z"))
                .toBeSigned();
        assertThat(new String(tbs, StandardCharsets.UTF_8)).isEqualTo("""
                HRSS-SEAL-RENEW/1
                esId=1101052694010000010
                validityDays=365
                requestedAt=2026-11-23T18:00:00Z""");
    }

    @Test
    void esIdAndTimeAreRequired() {
        assertThatThrownBy(() -> new SelfServiceRenewal(null, 1, Instant.EPOCH))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SelfServiceRenewal("E1", 1, null)).isInstanceOf(NullPointerException.class);
    }
}
