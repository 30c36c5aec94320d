package cn.hrss.seal.accesstest;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.KeyRef;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs the suite with this node's system key as the tester, signs the result (the envelope a lower node applies
 * with) and keeps it. Only http(s) targets; the suite never follows redirects.
 */
final class AccessTests {
    static final String TARGET_INVALID = "ACCESS_TEST_TARGET_INVALID";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AccessTestSuite suite;
    private final CipherDevice device;
    private final KeyRef testerKey;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AccessTests(AccessTestSuite suite, CipherDevice device, KeyRef testerKey, JdbcTemplate jdbc, Clock clock) {
        this.suite = suite;
        this.device = device;
        this.testerKey = testerKey;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Map<String, Object> run(String targetBaseUrl, String actor) {
        URI target;
        try {
            target = URI.create(targetBaseUrl == null ? "" : targetBaseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw SealException.badRequest(TARGET_INVALID, "targetBaseUrl is not a URI");
        }
        if (!("http".equals(target.getScheme()) || "https".equals(target.getScheme())) || target.getHost() == null
                || target.getUserInfo() != null || target.getQuery() != null || target.getFragment() != null) {
            throw SealException.badRequest(TARGET_INVALID, "targetBaseUrl must be http(s)://host[:port][/path]");
        }
        AccessTestResult result = suite.run(target);
        RegistrationApplication.AccessTestReport report = RegistrationApplication.AccessTestReport.signed(
                result.toJson(), device.exportSignPublicKey(testerKey), e -> device.sign(testerKey, e));
        String id = UUID.randomUUID().toString();
        JsonNode envelope = report.toJson();
        jdbc.update("INSERT INTO access_test_run (id, target_url, verdict, report, run_by, finished_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", id, result.target().baseUrl(), result.verdict().name(),
                envelope.toString(), actor, Timestamp.from(result.finishedAt()));
        return view(id, result, envelope);
    }

    /** The stored report rendered as PDF. */
    byte[] pdf(String id) {
        JsonNode envelope = envelope(id);
        byte[] document = java.util.Base64.getDecoder().decode(envelope.get("document").asText());
        return AccessTestPdf.render(AccessTestResult.parse(document).orElseThrow(), envelope.get("digest").asText());
    }

    private JsonNode envelope(String id) {
        return jdbc.query("SELECT report FROM access_test_run WHERE id = ?", (rs, n) -> rs.getString("report"), id)
                .stream().findFirst().map(text -> {
                    try {
                        return JSON.readTree(text);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseThrow(() -> SealException.notFound("ACCESS_TEST_NOT_FOUND", "no access test " + id));
    }

    Map<String, Object> find(String id) {
        JsonNode envelope = envelope(id);
        byte[] document = java.util.Base64.getDecoder().decode(envelope.get("document").asText());
        return view(id, AccessTestResult.parse(document).orElseThrow(), envelope);
    }

    private static Map<String, Object> view(String id, AccessTestResult result, JsonNode envelope) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("verdict", result.verdict());
        view.put("target", result.target());
        view.put("finishedAt", result.finishedAt());
        view.put("cases", result.cases());
        view.put("report", envelope);
        return view;
    }

    Clock clock() {
        return clock;
    }
}
