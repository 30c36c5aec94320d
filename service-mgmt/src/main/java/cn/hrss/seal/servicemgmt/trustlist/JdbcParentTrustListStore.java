package cn.hrss.seal.servicemgmt.trustlist;

import cn.hrss.seal.servicemgmt.api.SignedTrustList;
import cn.hrss.seal.servicemgmt.api.TrustListClient;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** Keeps the parent's last accepted trust list in {@code service_parent_trust_list} (one row). */
public final class JdbcParentTrustListStore implements TrustListClient.Store {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcParentTrustListStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<SignedTrustList> load() {
        return jdbc.query("SELECT version, document, signature FROM service_parent_trust_list WHERE id = 1",
                (rs, n) -> new SignedTrustList(rs.getLong("version"),
                        rs.getString("document").getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(rs.getString("signature")))).stream().findFirst();
    }

    /** Only ever moves forward, also against another instance writing concurrently. */
    @Override
    public void save(SignedTrustList accepted) {
        String document = new String(accepted.document(), StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(accepted.signature());
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("UPDATE service_parent_trust_list SET version = ?, document = ?, signature = ?, "
                + "accepted_at = ? WHERE id = 1 AND version < ?", accepted.version(), document, signature, now,
                accepted.version());
        if (updated == 0 && load().isEmpty()) {
            jdbc.update("INSERT INTO service_parent_trust_list (id, version, document, signature, accepted_at) "
                    + "VALUES (1, ?, ?, ?, ?)", accepted.version(), document, signature, now);
        }
    }
}
