package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatus;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static cn.hrss.seal.status.api.SealStatus.EXPIRED;
import static cn.hrss.seal.status.api.SealStatus.REVOKED;
import static cn.hrss.seal.status.api.SealStatus.SUSPENDED;
import static cn.hrss.seal.status.api.SealStatus.VALID;

/** The allowed status changes. REVOKED and EXPIRED are terminal; UNKNOWN is never a stored status. */
final class Transitions {
    private static final Map<SealStatus, Set<SealStatus>> ALLOWED = Map.of(
            VALID, EnumSet.of(SUSPENDED, REVOKED, EXPIRED),
            // a found loss report reinstates the seal
            SUSPENDED, EnumSet.of(VALID, REVOKED));

    private Transitions() {
    }

    static boolean allowed(SealStatus from, SealStatus to) {
        return ALLOWED.getOrDefault(from, Set.of()).contains(to);
    }
}
