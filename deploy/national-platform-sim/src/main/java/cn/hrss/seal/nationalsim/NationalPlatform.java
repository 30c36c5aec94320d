package cn.hrss.seal.nationalsim;

import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.national.api.CodeAssigned;
import cn.hrss.seal.national.api.CodeRequest;
import cn.hrss.seal.national.api.Filing;
import cn.hrss.seal.national.api.NationalMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the simulated platform does with the ministry's messages: one unique code per request (answered through its
 * outbox as {@code seal.code-assigned/1} to {@value #MINISTRY}), filings, and status synchronisation. Each message is
 * processed once (inbox); everything it holds is shown at {@code GET /national/seals/{esId}}.
 */
@Service
class NationalPlatform {
    static final String MINISTRY = "ministry";
    static final String INVALID = "NATIONAL_MESSAGE_INVALID";
    static final String UNKNOWN_SEAL = "NATIONAL_SEAL_UNKNOWN";
    /** Simulated national code: GJ, the holder's region, the year, an 8-digit serial, an ISO 7064 MOD 11-2 check. */
    static final String PREFIX = "GJ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;
    private final CipherDevice device;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Clock clock;

    NationalPlatform(JdbcTemplate jdbc, CipherDevice device, Outbox outbox, Inbox inbox, Clock clock) {
        this.jdbc = jdbc;
        this.device = device;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Transactional
    String codeRequest(VerifiedMessage message) {
        CodeRequest request = NationalMessages.read(message.body(), CodeRequest.class)
                .filter(r -> r.requestId() != null && r.sealId() != null && r.unitCreditCode() != null
                        && r.requesterEncryptionKey() != null
                        && r.requestId().length() <= 64 && r.sealId().length() <= 64
                        && r.unitCreditCode().matches("[0-9A-Z]{18}"))
                .orElseThrow(() -> SealException.badRequest(INVALID, "not a seal.code-request/1 body"));
        region(request.unitRegionCode());
        region(request.requesterRegion());
        if (!inbox.firstDelivery(message)) {
            return "duplicate";
        }
        Sm2PublicKey requesterKey;
        try {
            requesterKey = Sm2PublicKey.fromUncompressed(HexFormat.of().parseHex(request.requesterEncryptionKey()));
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "requesterEncryptionKey is not an uncompressed SM2 point");
        }
        String signer = message.signer().id().hex();
        Optional<String> existing = jdbc.queryForList("SELECT es_id FROM sim_seal WHERE requester_signer = ? AND"
                + " request_id = ?", String.class, signer, request.requestId()).stream().findFirst();
        Instant now = clock.instant();
        String esId = existing.orElseGet(() -> newCode(request.unitRegionCode(), now));
        String sealInfo = existing.isPresent() ? jdbc.queryForObject("SELECT public_security_key_id FROM sim_seal"
                + " WHERE es_id = ?", String.class, esId) : "GA-" + esId.substring(2, 8) + "-" + UUID.randomUUID()
                .toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        if (existing.isEmpty()) {
            jdbc.update("INSERT INTO sim_seal (es_id, request_id, requester_signer, seal_id, requester_region,"
                            + " unit_credit_code, unit_region_code, public_security_key_id, assigned_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", esId, request.requestId(), signer,
                    request.sealId(), request.requesterRegion(), request.unitCreditCode(), request.unitRegionCode(),
                    sealInfo, Timestamp.from(now));
        }
        // a fresh SM4 key for each answer, enveloped to the requester: the platform keeps no copy of it here
        byte[] envelope = device.encrypt(requesterKey, device.generateRandom(16));
        outbox.enqueue(MINISTRY, MessageKind.SEAL_CODE_ASSIGNED, NationalMessages.write(new CodeAssigned(
                request.requestId(), request.sealId(), request.requesterRegion(), esId,
                Base64.getEncoder().encodeToString(envelope), sealInfo, now)));
        return "assigned " + esId;
    }

    @Transactional
    String filing(VerifiedMessage message) {
        Filing filing = NationalMessages.read(message.body(), Filing.class)
                .filter(f -> f.esId() != null && f.sesSeal() != null)
                .orElseThrow(() -> SealException.badRequest(INVALID, "not a seal.filing/1 body"));
        byte[] sesSeal;
        try {
            sesSeal = Base64.getDecoder().decode(filing.sesSeal());
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(INVALID, "sesSeal is not base64");
        }
        if (!inbox.firstDelivery(message)) {
            return "duplicate";
        }
        int updated = jdbc.update("UPDATE sim_seal SET filed_at = ?, ses_seal_sm3 = ? WHERE es_id = ?",
                Timestamp.from(clock.instant()), HexFormat.of().formatHex(Sm3.hash(sesSeal)), filing.esId());
        if (updated == 0) {
            throw new SealException(UNKNOWN_SEAL, 404, "the platform issued no code " + filing.esId());
        }
        return "filed";
    }

    /** Status of seals the platform coded; other seals (industry-only) are acknowledged and not kept. */
    @Transactional
    String statusChange(VerifiedMessage message) {
        JsonNode change;
        try {
            change = JSON.readTree(message.body());
        } catch (IOException e) {
            throw SealException.badRequest(INVALID, "not JSON");
        }
        String esId = change.path("esId").asText("");
        long version = change.path("version").asLong(0);
        String status = change.path("status").asText("");
        Instant at;
        try {
            at = Instant.parse(change.path("at").asText(""));
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "at is not an ISO-8601 instant");
        }
        if (esId.isEmpty() || esId.length() > 64 || version < 1 || !status.matches("[A-Z]{1,16}")) {
            throw SealException.badRequest(INVALID, "not a status.change/1 body");
        }
        if (!inbox.firstDelivery(message)) {
            return "duplicate";
        }
        if (jdbc.queryForObject("SELECT COUNT(*) FROM sim_seal WHERE es_id = ?", Integer.class, esId) == 0) {
            return "not a cross-industry seal: not kept";
        }
        // ON CONFLICT rather than catching the duplicate: on PostgreSQL a failed statement aborts the transaction
        int inserted = jdbc.update("INSERT INTO sim_status (es_id, version, status, since, reason, received_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", esId, version, status, Timestamp.from(at),
                change.path("reason").isTextual() ? change.get("reason").asText() : null,
                Timestamp.from(clock.instant()));
        return inserted == 1 ? "recorded" : "already held";
    }

    Map<String, Object> seal(String esId) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM sim_seal WHERE es_id = ?", esId);
        if (rows.isEmpty()) {
            throw SealException.notFound(UNKNOWN_SEAL, "the platform issued no code " + esId);
        }
        Map<String, Object> row = rows.get(0);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("esId", esId);
        view.put("requestId", row.get("request_id"));
        view.put("unitCreditCode", row.get("unit_credit_code"));
        view.put("unitRegionCode", row.get("unit_region_code"));
        view.put("publicSecuritySealInfo", row.get("public_security_key_id"));
        view.put("assignedAt", instant(row.get("assigned_at")));
        view.put("filedAt", instant(row.get("filed_at")));
        view.put("sesSealSm3", row.get("ses_seal_sm3"));
        view.put("statuses", jdbc.query("SELECT * FROM sim_status WHERE es_id = ? ORDER BY version", (rs, n) -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("version", rs.getLong("version"));
            s.put("status", rs.getString("status"));
            s.put("since", rs.getTimestamp("since").toInstant().toString());
            s.put("reason", rs.getString("reason"));
            return s;
        }, esId));
        return view;
    }

    private String newCode(String unitRegion, Instant now) {
        int year = now.atZone(ZoneOffset.UTC).getYear() % 100;
        String counter = PREFIX + unitRegion + String.format("%02d", year);
        long serial;
        if (jdbc.update("UPDATE sim_code_counter SET next = next + 1 WHERE prefix = ?", counter) == 0) {
            jdbc.update("INSERT INTO sim_code_counter (prefix, next) VALUES (?, 2)", counter);
            serial = 1;
        } else {
            serial = jdbc.queryForObject("SELECT next FROM sim_code_counter WHERE prefix = ?", Long.class, counter) - 1;
        }
        String digits = unitRegion + String.format("%02d", year) + String.format("%08d", serial);
        return PREFIX + digits + checkCharacter(digits);
    }

    /** ISO 7064 MOD 11-2, as in the citizen ID number. */
    static char checkCharacter(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum = (sum + (digits.charAt(i) - '0') * weight) % 11;
            weight = (weight * 2) % 11;
        }
        int check = (12 - sum) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    private static void region(String code) {
        try {
            AdministrativeRegionCode.parse(code);
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "not a region code: " + code);
        }
    }

    private static String instant(Object timestamp) {
        return timestamp instanceof Timestamp t ? t.toInstant().toString()
                : timestamp instanceof java.time.OffsetDateTime o ? o.toInstant().toString() : null;
    }
}
