package cn.hrss.seal.application.request;

import cn.hrss.seal.application.signing.DocumentKind;
import cn.hrss.seal.application.signing.Placement;
import cn.hrss.seal.application.signing.UserKeys;
import cn.hrss.seal.core.error.SealException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads sign requests and their documents; placements are stored as {@code page=1;x=150;y=230} and the like. */
@Component
class SignRequestStore {
    record Row(String id, String esId, String sealName, String purpose, SignRequests.Status status, String applicant,
               Instant requestedAt, String requestRecord, String reviewer) {
    }

    record Document(int position, String name, DocumentKind kind, Placement placement, byte[] content,
                    String contentSm3, Optional<String> signedSm3) {
    }

    private final JdbcTemplate jdbc;

    SignRequestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The request, locked for the rest of the transaction. */
    Row lock(String id) {
        return jdbc.query("SELECT * FROM application_sign_request WHERE id = ? FOR UPDATE", SignRequestStore::row, id)
                .stream().findFirst()
                .orElseThrow(() -> SealException.notFound(SignRequests.NOT_FOUND, "no sign request " + id));
    }

    List<Document> documents(String id) {
        return jdbc.query("SELECT * FROM application_sign_document WHERE request_id = ? ORDER BY position",
                (rs, n) -> new Document(rs.getInt("position"), rs.getString("name"),
                        DocumentKind.valueOf(rs.getString("kind")), decode(rs.getString("placement")),
                        rs.getBytes("content"), rs.getString("content_sm3"),
                        Optional.ofNullable(rs.getString("signed_sm3"))), id);
    }

    List<String> digests(String id) {
        return jdbc.queryForList("SELECT content_sm3 FROM application_sign_document WHERE request_id = ? "
                + "ORDER BY position", String.class, id);
    }

    /** The signed bytes of one document of a SIGNED request. */
    byte[] signedContent(String id, int position) {
        List<byte[]> found = jdbc.query("SELECT d.signed_content FROM application_sign_document d"
                        + " JOIN application_sign_request r ON r.id = d.request_id"
                        + " WHERE d.request_id = ? AND d.position = ? AND r.status = 'SIGNED'",
                (rs, n) -> rs.getBytes(1), id, position);
        return found.stream().findFirst().orElseThrow(() -> SealException.notFound("SIGNED_DOCUMENT_NOT_FOUND",
                "sign request " + id + " has no signed document " + position));
    }

    SignRequestView view(String id) {
        return jdbc.query("SELECT * FROM application_sign_request WHERE id = ?", (rs, n) -> view(rs, documents(id)),
                id).stream().findFirst()
                .orElseThrow(() -> SealException.notFound(SignRequests.NOT_FOUND, "no sign request " + id));
    }

    List<SignRequestView> list(Optional<SignRequests.Status> status, Optional<String> applicant) {
        StringBuilder sql = new StringBuilder("SELECT * FROM application_sign_request WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        status.ifPresent(s -> {
            sql.append(" AND status = ?");
            args.add(s.name());
        });
        applicant.ifPresent(a -> {
            sql.append(" AND applicant = ?");
            args.add(a);
        });
        sql.append(" ORDER BY requested_at DESC LIMIT 200");
        return jdbc.query(sql.toString(), (rs, n) -> view(rs, documents(rs.getString("id"))), args.toArray());
    }

    private static SignRequestView view(ResultSet rs, List<Document> documents) throws SQLException {
        String id = rs.getString("id");
        return new SignRequestView(id, rs.getString("es_id"), rs.getString("seal_name"), rs.getString("purpose"),
                rs.getString("status"), rs.getString("applicant"), instant(rs, "requested_at").orElseThrow(),
                Optional.ofNullable(rs.getString("reviewer")), instant(rs, "reviewed_at"),
                Optional.ofNullable(rs.getString("opinion")), instant(rs, "signed_at"),
                documents.stream().map(d -> new SignRequestView.DocumentView(d.position(), d.name(), d.kind().name(),
                        d.contentSm3(), d.signedSm3(), d.signedSm3().map(s -> "/api/v1/sign-requests/" + id
                        + "/documents/" + d.position()))).toList(),
                record(rs, "applicant", "request"), record(rs, "reviewer", "review"),
                record(rs, "applicant", "sign"));
    }

    private static Optional<UserKeys.SignedRecord> record(ResultSet rs, String actorColumn, String step)
            throws SQLException {
        String text = rs.getString(step + "_record");
        return text == null ? Optional.empty() : Optional.of(new UserKeys.SignedRecord(rs.getString(actorColumn),
                text, rs.getString(step + "_signature"), rs.getString(step + "_public_key")));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getString("id"), rs.getString("es_id"), rs.getString("seal_name"), rs.getString("purpose"),
                SignRequests.Status.valueOf(rs.getString("status")), rs.getString("applicant"),
                rs.getTimestamp("requested_at").toInstant(), rs.getString("request_record"), rs.getString("reviewer"));
    }

    static String encode(Placement p) {
        if (p.riding()) {
            return "riding;y=" + p.y().orElse(Placement.RIDING_Y_DEFAULT);
        }
        return p.keyword().map(k -> "keyword=" + k)
                .orElseGet(() -> "page=" + p.page().orElseThrow() + ";x=" + p.x().orElseThrow() + ";y="
                        + p.y().orElseThrow());
    }

    static Placement decode(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.startsWith("keyword=")) {
            return Placement.keyword(stored.substring("keyword=".length()));
        }
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        for (String part : stored.split(";")) {
            int eq = part.indexOf('=');
            parts.put(eq < 0 ? part : part.substring(0, eq), eq < 0 ? "" : part.substring(eq + 1));
        }
        if (parts.containsKey("riding")) {
            return Placement.riding(Double.parseDouble(parts.get("y")));
        }
        return Placement.at(Integer.parseInt(parts.get("page")), Double.parseDouble(parts.get("x")),
                Double.parseDouble(parts.get("y")));
    }
}
