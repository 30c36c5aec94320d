package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.Outbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** The outbox table written through the caller's connection, so the message commits or rolls back with it. */
class JdbcOutbox implements Outbox {
    private final JdbcClient jdbc;
    private final DestinationResolver destinations;
    private final Clock clock;
    private final long maxBodyBytes;

    JdbcOutbox(JdbcClient jdbc, DestinationResolver destinations, Clock clock, long maxBodyBytes) {
        this.jdbc = jdbc;
        this.destinations = destinations;
        this.clock = clock;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    @Transactional
    public String enqueue(String destination, MessageKind kind, byte[] body) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(body, "body");
        // Refuse what could never be delivered now, rather than retrying it forever.
        if (destination == null || destination.length() > 64 || destinations.baseUri(destination).isEmpty()) {
            throw new IllegalArgumentException("unknown federation destination: " + destination);
        }
        if (body.length > maxBodyBytes) {
            throw new IllegalArgumentException("message body larger than " + maxBodyBytes + " bytes");
        }
        String messageId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        jdbc.sql("""
                        INSERT INTO federation_outbox (message_id, destination, kind, body, created_at, next_attempt_at)
                        VALUES (:messageId, :destination, :kind, :body, :now, :now)""")
                .param("messageId", messageId)
                .param("destination", destination)
                .param("kind", kind.toString())
                .param("body", body)
                .param("now", now)
                .update();
        return messageId;
    }
}
