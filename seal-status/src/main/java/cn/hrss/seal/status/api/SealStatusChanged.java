package cn.hrss.seal.status.api;

import java.time.Instant;

/**
 * Published after a seal's status changed, including its registration (previous {@link SealStatus#UNKNOWN}).
 * Listeners that touch other stores should listen after commit ({@code @TransactionalEventListener}).
 *
 * @param esId     the seal
 * @param previous the status before the change
 * @param status   the status after the change
 * @param at       when the change takes effect
 * @param reason   why, as recorded
 * @param version  the seal's status version after the change (1 for the registration, +1 per change)
 */
public record SealStatusChanged(String esId, SealStatus previous, SealStatus status, Instant at, String reason,
                                long version) {
}
