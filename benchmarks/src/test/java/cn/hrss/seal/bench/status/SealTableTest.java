package cn.hrss.seal.bench.status;

import cn.hrss.seal.status.api.EsIds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealTableTest {
    private static final Instant NOW = Instant.parse("2026-11-23T19:00:00.123456Z");

    @Test
    void revokesExactlyTheRequestedNumberOfSeals() {
        SealTable table = new SealTable(1000, 100, NOW);
        assertThat(IntStream.range(0, 1000).filter(table::isRevoked).count()).isEqualTo(100);
        assertThat(new SealTable(10, 0, NOW).isRevoked(0)).isFalse();
    }

    @Test
    void esIdsAreWellFormedAndDistinct() {
        SealTable table = SealTable.target(NOW);
        Set<String> seen = new HashSet<>();
        for (int i : new int[] {0, 1, 9, 10, 999_999}) {
            assertThat(EsIds.isWellFormed(table.esId(i))).isTrue();
            assertThat(seen.add(table.esId(i))).isTrue();
        }
    }

    @Test
    void everySealIsValidAtNowAndRevokedOnesWereRevokedAfterTheirRegistration() {
        SealTable table = new SealTable(1000, 100, NOW);
        assertThat(table.now()).isEqualTo(Instant.parse("2026-11-23T19:00:00.123Z"));
        for (int i = 0; i < 1000; i++) {
            assertThat(table.validStart(i)).isBefore(table.now());
            assertThat(table.validEnd(i)).isAfter(table.now());
            assertThat(table.revokedAt(i)).isAfter(table.registeredAt(i)).isBefore(table.now());
        }
    }

    @Test
    void rejectsSizesItCannotSpreadEvenly() {
        assertThatThrownBy(() -> new SealTable(1000, 300, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealTable(0, 0, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealTable(10, 20, NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
