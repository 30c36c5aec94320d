package cn.hrss.seal.federation.inbox;

import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.Inbox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** {@link Inbox} on the federation_inbox table; the insert that does nothing marks a repeat. */
class JdbcInbox implements Inbox {
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcInbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean firstDelivery(VerifiedMessage message) {
        return jdbc.sql("""
                        INSERT INTO federation_inbox (signer, message_id, kind, received_at)
                        VALUES (:signer, :messageId, :kind, :at) ON CONFLICT DO NOTHING""")
                .param("signer", message.signer().id().hex())
                .param("messageId", message.messageId())
                .param("kind", message.kind().toString())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update() == 1;
    }
}
