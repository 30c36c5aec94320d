package cn.hrss.seal.federation.outbox;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The dispatcher's queries on the outbox table; each update is its own short statement. */
class OutboxStore {
    static final int MAX_ERROR_LENGTH = 500;
    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> destinationsWithPending() {
        return jdbc.sql("SELECT DISTINCT destination FROM federation_outbox WHERE delivered_at IS NULL "
                + "ORDER BY destination").query(String.class).list();
    }

    /** The oldest undelivered messages of a destination, in enqueue order. */
    List<OutboxMessage> pending(String destination, int limit) {
        return jdbc.sql("SELECT * FROM federation_outbox WHERE destination = :destination AND delivered_at IS NULL "
                        + "ORDER BY id LIMIT :limit")
                .param("destination", destination)
                .param("limit", limit)
                .query(OutboxStore::row).list();
    }

    List<OutboxMessage> all() {
        return jdbc.sql("SELECT * FROM federation_outbox ORDER BY id").query(OutboxStore::row).list();
    }

    /** Per destination: what waits, since when, what went, and the last failure; for operators. */
    List<DestinationSummary> summary() {
        return jdbc.sql("""
                        SELECT destination,
                               SUM(CASE WHEN delivered_at IS NULL THEN 1 ELSE 0 END) AS pending,
                               SUM(CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END) AS delivered,
                               MIN(CASE WHEN delivered_at IS NULL THEN created_at END) AS oldest_pending,
                               MAX(delivered_at) AS last_delivered
                        FROM federation_outbox GROUP BY destination ORDER BY destination""")
                .query((rs, n) -> new DestinationSummary(rs.getString("destination"), rs.getLong("pending"),
                        rs.getLong("delivered"), instant(rs, "oldest_pending"), instant(rs, "last_delivered"),
                        headOf(rs.getString("destination"))))
                .list();
    }

    /** The message that holds a destination back, if any: the oldest undelivered one. */
    private OutboxMessage headOf(String destination) {
        return pending(destination, 1).stream().findFirst().orElse(null);
    }

    /** Newest first, bodies left out by the caller. */
    List<OutboxMessage> recent(String destination, boolean pendingOnly, int limit) {
        String where = (destination == null ? "1 = 1" : "destination = :destination")
                + (pendingOnly ? " AND delivered_at IS NULL" : "");
        var statement = jdbc.sql("SELECT * FROM federation_outbox WHERE " + where + " ORDER BY id DESC LIMIT :limit")
                .param("limit", limit);
        if (destination != null) {
            statement = statement.param("destination", destination);
        }
        return statement.query(OutboxStore::row).list();
    }

    record DestinationSummary(String destination, long pending, long delivered, Instant oldestPending,
                              Instant lastDelivered, OutboxMessage head) {
    }

    void delivered(long id, Instant at) {
        jdbc.sql("UPDATE federation_outbox SET delivered_at = :at, last_attempt_at = :at, attempts = attempts + 1,"
                        + " last_error = NULL WHERE id = :id")
                .param("at", utc(at)).param("id", id).update();
    }

    void failed(long id, Instant at, String error, Instant nextAttempt) {
        String bounded = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error;
        jdbc.sql("UPDATE federation_outbox SET attempts = attempts + 1, last_attempt_at = :at, last_error = :error,"
                        + " next_attempt_at = :next WHERE id = :id")
                .param("at", utc(at)).param("error", bounded).param("next", utc(nextAttempt)).param("id", id)
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OutboxMessage row(ResultSet rs, int n) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), rs.getString("message_id"), rs.getString("destination"),
                rs.getString("kind"), rs.getBytes("body"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
                rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "delivered_at"));
    }
}
