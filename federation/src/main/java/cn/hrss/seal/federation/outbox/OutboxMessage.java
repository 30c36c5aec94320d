package cn.hrss.seal.federation.outbox;

import java.time.Instant;

/** A row of the outbox as the dispatcher and tests see it. */
record OutboxMessage(long id, String messageId, String destination, String kind, byte[] body, Instant createdAt,
                     Instant nextAttemptAt, int attempts, String lastError, Instant deliveredAt) {
}
