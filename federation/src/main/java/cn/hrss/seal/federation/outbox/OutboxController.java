package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.error.SealException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What operators need to see of the outbox: per destination what waits and since when, and the message that holds
 * the destination back with its last error (docs/FEDERATION-PROTOCOL.md section 5). Bodies are never shown.
 */
@RestController
@RequestMapping("/api/v1/federation/outbox")
@PreAuthorize("hasAnyRole('SYSTEM_ADMIN', 'AUDIT_ADMIN')")
class OutboxController {
    private static final int MAX_LIMIT = 500;

    private final OutboxStore store;

    OutboxController(OutboxStore store) {
        this.store = store;
    }

    record Head(String messageId, String kind, Instant createdAt, int attempts, Instant nextAttemptAt,
                String lastError) {
    }

    record Destination(String destination, long pending, long delivered, Instant oldestPending,
                       Instant lastDelivered, Head head) {
    }

    record Message(long id, String messageId, String destination, String kind, int bodyBytes, Instant createdAt,
                   int attempts, Instant nextAttemptAt, String lastError, Instant deliveredAt) {
    }

    @GetMapping
    Map<String, List<Destination>> summary() {
        return Map.of("destinations", store.summary().stream().map(d -> new Destination(d.destination(), d.pending(),
                d.delivered(), d.oldestPending(), d.lastDelivered(), d.head() == null ? null
                : new Head(d.head().messageId(), d.head().kind(), d.head().createdAt(), d.head().attempts(),
                d.head().nextAttemptAt(), d.head().lastError()))).toList());
    }

    @GetMapping("/messages")
    Map<String, List<Message>> messages(@RequestParam(required = false) String destination,
                                        @RequestParam(defaultValue = "false") boolean pending,
                                        @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_LIMIT || (destination != null && destination.length() > 64)) {
            throw SealException.badRequest("OUTBOX_QUERY_INVALID", "limit 1.." + MAX_LIMIT
                    + ", destination at most 64 characters");
        }
        return Map.of("messages", store.recent(destination, pending, limit).stream().map(m -> new Message(m.id(),
                m.messageId(), m.destination(), m.kind(), m.body().length, m.createdAt(), m.attempts(),
                m.nextAttemptAt(), m.lastError(), m.deliveredAt())).toList());
    }
}
