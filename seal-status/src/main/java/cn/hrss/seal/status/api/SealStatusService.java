package cn.hrss.seal.status.api;

import java.util.Optional;
import java.time.Instant;

/**
 * The status system's interface for the making side (which records changes) and the application side (which asks).
 * Every successful {@link #register}, {@link #recordChange} and {@link #renew} publishes a {@link SealStatusChanged}
 * (for a renewal with {@code previous == status}).
 *
 * <p>Allowed changes: VALID -> SUSPENDED, SUSPENDED -> VALID (a found loss report), VALID | SUSPENDED -> REVOKED
 * (terminal), VALID -> EXPIRED. Anything else fails with 409 {@code STATUS_TRANSITION_NOT_ALLOWED} and changes
 * nothing. Times are kept to the millisecond.
 */
public interface SealStatusService {

    /**
     * Records a newly made seal as {@link SealStatus#VALID} from its validity start.
     *
     * @throws cn.hrss.seal.core.error.SealException 409 {@code SEAL_ALREADY_REGISTERED}
     */
    SealStatusRecord register(SealRegistration registration);

    /**
     * Records a status change.
     *
     * @param at     when the change takes effect; null means now. Not before the current status began
     *               (409 {@code STATUS_CHANGE_OUT_OF_ORDER}) and not in the future (400 {@code STATUS_TIME_IN_FUTURE})
     * @param reason why; required, at most 500 characters
     * @throws cn.hrss.seal.core.error.SealException 404 {@code SEAL_NOT_REGISTERED}, 409
     *         {@code STATUS_TRANSITION_NOT_ALLOWED}, 409 {@code STATUS_CONCURRENT_CHANGE} when other changes kept
     *         winning the race
     */
    SealStatusRecord recordChange(String esId, SealStatus newStatus, Instant at, String reason);

    /**
     * Records a renewal: same seal and key, new certificate and validity end; the status stays VALID. Only a VALID
     * seal whose validity has not ended at {@code at} can be renewed, so no past time ever reads differently.
     *
     * @param at when the renewal takes effect; null means now; not in the future (400 {@code STATUS_TIME_IN_FUTURE})
     * @throws cn.hrss.seal.core.error.SealException 404 {@code SEAL_NOT_REGISTERED}, 409
     *         {@code STATUS_TRANSITION_NOT_ALLOWED} (not VALID), 409 {@code SEAL_VALIDITY_ENDED}, 400
     *         {@code INVALID_VALIDITY_END} (not after the current end and {@code at}), 409
     *         {@code STATUS_CONCURRENT_CHANGE}
     */
    SealStatusRecord renew(String esId, String certificateSerial, Instant validEnd, Instant at);

    /** The current status, answered from the cache when possible. */
    SealStatusRecord statusOf(String esId);

    /** The status in force at {@code time}, from the full history. */
    SealStatusRecord statusAt(String esId, Instant time);

    /**
     * What this status system holds about a seal it registered: its registration and every status it has had, oldest
     * first; empty for a seal it does not hold. What status federation sends to the other tiers.
     */
    default Optional<SealHistory> historyOf(String esId) {
        return Optional.empty();
    }
}
