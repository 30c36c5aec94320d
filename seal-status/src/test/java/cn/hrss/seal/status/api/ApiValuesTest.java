package cn.hrss.seal.status.api;

import cn.hrss.seal.core.error.SealException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiValuesTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant END = Instant.parse("2027-01-01T00:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"11010000000001", "HRSS.seal_01-a", "A"})
    void wellFormedEsIds(String esId) {
        assertThat(EsIds.requireWellFormed(esId)).isEqualTo(esId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a b", "印章", "a/b", "a\u0000", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void malformedEsIdsAreRejected(String esId) {
        assertThatThrownBy(() -> EsIds.requireWellFormed(esId)).isInstanceOfSatisfying(SealException.class,
                e -> assertThat(e.code()).isEqualTo("INVALID_ES_ID"));
        assertThat(EsIds.isWellFormed(null)).isFalse();
    }

    @Test
    void registrationChecksEveryField() {
        assertThat(new SealRegistration("E1", "unit", "seal", "110100", "0A", START, END).esId()).isEqualTo("E1");
        assertInvalid(() -> new SealRegistration("E1", " ", "seal", "110100", "0A", START, END));
        assertInvalid(() -> new SealRegistration("E1", "unit", "s".repeat(201), "110100", "0A", START, END));
        assertInvalid(() -> new SealRegistration("E1", "unit", "seal", "11010", "0A", START, END));
        assertInvalid(() -> new SealRegistration("E1", "unit", "seal", "110100", "0x0A", START, END));
        assertInvalid(() -> new SealRegistration("E1", "unit", "seal", "110100", "0A", END, START));
        assertInvalid(() -> new SealRegistration("E1", "unit", "seal", "110100", "0A", START, START));
        assertThatThrownBy(() -> new SealRegistration("bad id", "unit", "seal", "110100", "0A", START, END))
                .isInstanceOfSatisfying(SealException.class, e -> assertThat(e.code()).isEqualTo("INVALID_ES_ID"));
    }

    @Test
    void aKnownStatusHasASinceAndUnknownHasNone() {
        assertThat(SealStatusRecord.unknown("E1").since()).isNull();
        assertThatThrownBy(() -> new SealStatusRecord("E1", SealStatus.VALID, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealStatusRecord("E1", SealStatus.UNKNOWN, START, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySuspendedAndRevokedSealsAreListed() {
        assertThat(SealStatus.values()).filteredOn(SealStatus::listed)
                .containsExactlyInAnyOrder(SealStatus.SUSPENDED, SealStatus.REVOKED);
    }

    private static void assertInvalid(Runnable construction) {
        assertThatThrownBy(construction::run).isInstanceOfSatisfying(SealException.class, e -> {
            assertThat(e.code()).isEqualTo("INVALID_SEAL_REGISTRATION");
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }
}
