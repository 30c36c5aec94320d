package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.FederationException;
import cn.hrss.seal.federation.api.FederationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Sends due outbox messages. Per destination it goes in enqueue order and stops at the first failure, so a later
 * message never overtakes an earlier one; the failed message keeps its attempt count and last error and waits for
 * its back-off. A message counts as delivered only on a verified, signed 2xx response. One dispatcher per database
 * (rounds in this JVM never overlap).
 */
class OutboxDispatcher {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int MAX_ERROR_BODY = 200;

    private final OutboxStore store;
    private final FederationClient client;
    private final Backoff backoff;
    private final Clock clock;
    private final int batchSize;

    OutboxDispatcher(OutboxStore store, FederationClient client, Backoff backoff, Clock clock, int batchSize) {
        this.store = store;
        this.client = client;
        this.backoff = backoff;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /** One round over all destinations; returns the number of messages delivered. */
    synchronized int dispatchDue() {
        int delivered = 0;
        for (String destination : store.destinationsWithPending()) {
            delivered += dispatch(destination);
        }
        return delivered;
    }

    private int dispatch(String destination) {
        int delivered = 0;
        for (OutboxMessage message : store.pending(destination, batchSize)) {
            if (message.nextAttemptAt().isAfter(clock.instant())) {
                break;
            }
            String error = attempt(message);
            Instant now = clock.instant();
            if (error == null) {
                store.delivered(message.id(), now);
                delivered++;
            } else {
                int failures = message.attempts() + 1;
                Instant next = now.plus(backoff.afterFailure(failures));
                log.warn("outbox message {} ({}) to {} failed, attempt {}, next at {}: {}", message.messageId(),
                        message.kind(), destination, failures, next, error);
                store.failed(message.id(), now, error, next);
                break;
            }
        }
        return delivered;
    }

    /** Null when delivered, else why not. */
    private String attempt(OutboxMessage message) {
        try {
            FederationResponse response = client.send(message.destination(), MessageKind.parse(message.kind()),
                    message.messageId(), message.body());
            if (response.successful()) {
                return null;
            }
            String body = new String(response.message().body(), StandardCharsets.UTF_8);
            return "HTTP " + response.status() + ": "
                    + (body.length() > MAX_ERROR_BODY ? body.substring(0, MAX_ERROR_BODY) : body);
        } catch (FederationException e) {
            return e.code() + ": " + e.getMessage();
        } catch (RuntimeException e) {
            log.error("outbox message {} could not be sent", message.messageId(), e);
            return "FEDERATION_SEND_FAILED: " + e;
        }
    }
}
