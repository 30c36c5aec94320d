package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class TransitionsTest {
    private static final Set<String> ALLOWED = Set.of(
            "VALID->SUSPENDED", "SUSPENDED->VALID", "VALID->REVOKED", "SUSPENDED->REVOKED", "VALID->EXPIRED");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(SealStatus.values())
                .flatMap(from -> Arrays.stream(SealStatus.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void onlyTheDocumentedChangesAreAllowed(SealStatus from, SealStatus to) {
        assertThat(Transitions.allowed(from, to)).isEqualTo(ALLOWED.contains(from + "->" + to));
    }
}
