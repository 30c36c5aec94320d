package cn.hrss.seal.servicemgmt.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The signed document of an access test (docs/ACCESS-TEST.md): who tested whom, when, each case and the verdict.
 * The access-test suite writes it; service management reads it when a lower system applies with it.
 *
 * @param format   1
 * @param suite    name and version of the suite that ran
 * @param tester   signer id of the tester's system key (who signed the report)
 * @param target   the tested system: its base URL and the signer id its answers were signed with
 * @param verdict  PASSED only when every case passed
 */
public record AccessTestResult(int format, String suite, String tester, Target target, Instant startedAt,
                               Instant finishedAt, Verdict verdict, List<CaseResult> cases) {
    public static final int FORMAT = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public enum Verdict { PASSED, FAILED }

    public enum Outcome { PASSED, FAILED }

    public record Target(String baseUrl, String signerId) {
    }

    /** One case: what was sent, what a conformant node answers, what this one answered. */
    public record CaseResult(String id, String title, String expected, String observed, Outcome outcome) {
    }

    public AccessTestResult {
        cases = cases == null ? List.of() : List.copyOf(cases);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the bytes are not such a document. */
    public static Optional<AccessTestResult> parse(byte[] document) {
        try {
            AccessTestResult r = JSON.readValue(document, AccessTestResult.class);
            return r == null || r.format() != FORMAT || r.target() == null || r.verdict() == null
                    || r.finishedAt() == null || r.tester() == null ? Optional.empty() : Optional.of(r);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public List<String> failedCases() {
        return cases.stream().filter(c -> c.outcome() != Outcome.PASSED).map(CaseResult::id).toList();
    }
}
