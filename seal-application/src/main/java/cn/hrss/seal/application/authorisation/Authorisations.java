package cn.hrss.seal.application.authorisation;

import cn.hrss.seal.application.signing.SealSignatures;
import cn.hrss.seal.application.signing.UserKeys;
import cn.hrss.seal.audit.api.AuditEntry;
import cn.hrss.seal.audit.api.AuditOutcome;
import cn.hrss.seal.audit.api.AuditTrail;
import cn.hrss.seal.core.error.SealException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Grants, revokes and enforces standing authorisations. Lookups on the signing path come from a per-client cache
 * that grant and revoke clear at once and that expires after {@link #CACHE_TTL}, so a revocation made through
 * another instance of the node takes effect within that time. The daily limit is counted in the database with one
 * conditional UPDATE, so it holds under concurrency and across instances; only successful signings count.
 */
@Service
public class Authorisations {
    public static final String AUTHORISATION_MISSING = "AUTHORISATION_MISSING";
    public static final String AUTHORISATION_EXPIRED = "AUTHORISATION_EXPIRED";
    public static final String AUTHORISATION_NOT_FOUND = "AUTHORISATION_NOT_FOUND";
    public static final String AUTHORISATION_REVOKED = "AUTHORISATION_REVOKED";
    public static final String DAILY_LIMIT_REACHED = "DAILY_LIMIT_REACHED";
    public static final String INVALID = "AUTHORISATION_INVALID";
    /** The business day of the daily limit. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final int MAX_PURPOSES = 50;
    private static final int MAX_PURPOSE = 200;

    private record Cached(List<Authorisation> authorisations, Instant loadedAt) {
    }

    private final JdbcTemplate jdbc;
    private final SealSignatures signatures;
    private final UserKeys userKeys;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<String, Cached> byClient = new ConcurrentHashMap<>();

    Authorisations(JdbcTemplate jdbc, SealSignatures signatures, UserKeys userKeys, AuditTrail audit,
                   Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.signatures = signatures;
        this.userKeys = userKeys;
        this.audit = audit;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** A business administrator grants; the seal must be held here and VALID. Signed with the admin's key. */
    @Transactional
    public Authorisation grant(String clientId, String esId, List<String> purposes, Instant validUntil,
                               Integer dailyLimit, String admin) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> cleanPurposes = validate(clientId, esId, purposes, validUntil, dailyLimit, now);
        String sealName = signatures.requireUsable(esId);
        String id = UUID.randomUUID().toString();
        String text = String.join("\n", "HRSS-SEAL-AUTHORISATION/1", "id=" + id, "clientId=" + clientId,
                "esId=" + esId, "sealName=" + sealName, "purposes=" + String.join("|", cleanPurposes),
                "validUntil=" + validUntil, "dailyLimit=" + (dailyLimit == null ? "" : dailyLimit),
                "grantedBy=" + admin, "grantedAt=" + now);
        UserKeys.SignedRecord record = userKeys.sign(admin, text);
        jdbc.update("INSERT INTO application_authorisation (id, client_id, es_id, purposes, valid_until, daily_limit,"
                        + " granted_by, granted_at, grant_record, grant_signature, grant_public_key)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, clientId, esId, String.join("\n", cleanPurposes), Timestamp.from(validUntil), dailyLimit, admin,
                Timestamp.from(now), record.text(), record.signature(), record.publicKey());
        byClient.remove(clientId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("clientId", clientId);
        details.put("sealName", sealName);
        details.put("purposes", cleanPurposes);
        details.put("validUntil", validUntil.toString());
        details.put("dailyLimit", dailyLimit == null ? "none" : dailyLimit);
        details.put("grantSignature", record.signature());
        audit.record(new AuditEntry("user:" + admin, "authorisation.grant", "seal:" + esId, AuditOutcome.SUCCESS,
                details).withDetail("authorisationId", id));
        return find(id);
    }

    @Transactional
    public Authorisation revoke(String id, String admin) {
        Authorisation current = find(id);
        if (current.revokedAt().isPresent()) {
            throw new SealException(AUTHORISATION_REVOKED, 409, "authorisation " + id + " is already revoked");
        }
        jdbc.update("UPDATE application_authorisation SET revoked_at = ?, revoked_by = ? WHERE id = ? "
                + "AND revoked_at IS NULL", Timestamp.from(clock.instant()), admin, id);
        byClient.remove(current.clientId());
        audit.record(new AuditEntry("user:" + admin, "authorisation.revoke", "seal:" + current.esId(),
                AuditOutcome.SUCCESS, Map.of("authorisationId", id, "clientId", current.clientId())));
        return find(id);
    }

    public Authorisation find(String id) {
        return jdbc.query("SELECT * FROM application_authorisation WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> SealException.notFound(AUTHORISATION_NOT_FOUND, "no authorisation " + id));
    }

    public List<Authorisation> list(Optional<String> clientId) {
        return clientId.map(c -> jdbc.query("SELECT * FROM application_authorisation WHERE client_id = ? "
                        + "ORDER BY granted_at DESC", ROW, c))
                .orElseGet(() -> jdbc.query("SELECT * FROM application_authorisation ORDER BY granted_at DESC "
                        + "LIMIT 1000", ROW));
    }

    /**
     * The authorisation under which {@code clientId} may sign with {@code esId} for {@code purpose} now.
     *
     * @throws SealException 403 {@code AUTHORISATION_MISSING} (none granted for seal and purpose),
     *                       {@code AUTHORISATION_EXPIRED} or {@code AUTHORISATION_REVOKED} (granted, no longer valid)
     */
    public Authorisation require(String clientId, String esId, String purpose) {
        Instant now = clock.instant();
        List<Authorisation> matching = forClient(clientId, now).stream()
                .filter(a -> a.esId().equals(esId) && a.purposes().contains(purpose)).toList();
        for (Authorisation a : matching) {
            if (a.activeAt(now)) {
                return a;
            }
        }
        // the refusal says why, so that the business system knows whether to ask for a new grant
        String code = matching.isEmpty() ? AUTHORISATION_MISSING
                : matching.stream().anyMatch(a -> a.revokedAt().isEmpty()) ? AUTHORISATION_EXPIRED
                : AUTHORISATION_REVOKED;
        throw new SealException(code, 403, "client " + clientId + " holds no valid authorisation to sign with seal "
                + esId + " for purpose '" + purpose + "'", Map.of("esId", esId, "purpose", purpose), null);
    }

    /**
     * Counts one signing against the daily limit before it happens; {@link Reservation#release()} gives it back if
     * the signing fails.
     *
     * @throws SealException 429 {@code DAILY_LIMIT_REACHED}
     */
    public Reservation reserve(Authorisation authorisation) {
        return reserve(authorisation, 1);
    }

    /**
     * Counts {@code count} signings against the daily limit, all or none.
     *
     * @throws SealException 429 {@code DAILY_LIMIT_REACHED} when fewer than {@code count} are left today
     */
    public Reservation reserve(Authorisation authorisation, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count " + count);
        }
        if (authorisation.dailyLimit().isEmpty()) {
            return () -> { };
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), BUSINESS_ZONE);
        int limit = authorisation.dailyLimit().get();
        if (increment(authorisation.id(), day, limit, count) == 0) {
            throw new SealException(DAILY_LIMIT_REACHED, 429, "the daily limit of " + limit
                    + " signings under authorisation " + authorisation.id() + " is reached for " + day
                    + (count > 1 ? " (" + count + " asked for)" : ""),
                    Map.of("dailyLimit", limit, "day", day.toString(), "requested", count), null);
        }
        return () -> jdbc.update("UPDATE application_daily_usage SET used = used - ? WHERE authorisation_id = ? "
                + "AND usage_day = ? AND used >= ?", count, authorisation.id(), day, count);
    }

    /** A counted signing that can be given back. */
    @FunctionalInterface
    public interface Reservation {
        void release();
    }

    private int increment(String id, LocalDate day, int limit, int count) {
        if (count > limit) {
            return 0;
        }
        int updated = jdbc.update("UPDATE application_daily_usage SET used = used + ? WHERE authorisation_id = ? "
                + "AND usage_day = ? AND used <= ?", count, id, day, limit - count);
        if (updated > 0) {
            return updated;
        }
        try {
            return jdbc.update("INSERT INTO application_daily_usage (authorisation_id, usage_day, used) "
                    + "VALUES (?, ?, ?)", id, day, count);
        } catch (DuplicateKeyException e) {
            // the first signing of the day raced with another: the row exists now
            return jdbc.update("UPDATE application_daily_usage SET used = used + ? WHERE authorisation_id = ? "
                    + "AND usage_day = ? AND used <= ?", count, id, day, limit - count);
        }
    }

    private List<Authorisation> forClient(String clientId, Instant now) {
        Cached cached = byClient.get(clientId);
        if (cached == null || cached.loadedAt().plus(CACHE_TTL).isBefore(now)) {
            cached = new Cached(list(Optional.of(clientId)), now);
            byClient.put(clientId, cached);
        }
        return cached.authorisations();
    }

    private static List<String> validate(String clientId, String esId, List<String> purposes, Instant validUntil,
                                         Integer dailyLimit, Instant now) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            fields.put("clientId", "1..64 of letters, digits, . _ : -");
        }
        if (esId == null || esId.isBlank() || esId.length() > 64) {
            fields.put("esId", "required, at most 64 characters");
        }
        List<String> clean = purposes == null ? List.of() : purposes.stream()
                .map(p -> p == null ? "" : p.strip()).distinct().toList();
        if (clean.isEmpty() || clean.size() > MAX_PURPOSES
                || clean.stream().anyMatch(p -> p.isEmpty() || p.length() > MAX_PURPOSE || p.contains("\n")
                || p.contains("|"))) {
            fields.put("purposes", "1.." + MAX_PURPOSES + " purposes of 1.." + MAX_PURPOSE
                    + " characters, without '|' or line breaks");
        }
        if (validUntil == null || !validUntil.isAfter(now)) {
            fields.put("validUntil", "required, in the future");
        }
        if (dailyLimit != null && dailyLimit < 1) {
            fields.put("dailyLimit", "at least 1, or absent for no limit");
        }
        if (!fields.isEmpty()) {
            throw new SealException(INVALID, 400, "the authorisation is not acceptable: " + fields.keySet(),
                    Map.of("fields", fields), null);
        }
        return clean;
    }

    private static final RowMapper<Authorisation> ROW = (rs, n) -> new Authorisation(rs.getString("id"),
            rs.getString("client_id"), rs.getString("es_id"),
            Arrays.asList(rs.getString("purposes").split("\n")), rs.getTimestamp("valid_until").toInstant(),
            Optional.ofNullable((Integer) rs.getObject("daily_limit", Integer.class)), rs.getString("granted_by"),
            rs.getTimestamp("granted_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("revoked_at")).map(Timestamp::toInstant));
}
