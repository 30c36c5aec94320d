package cn.hrss.seal.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/** The node's verification report ({@code POST /api/v1/verify}); unknown members are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VerificationReport(String verdict, OffsetDateTime validationTime, String documentType,
                                 List<Check> documentChecks, List<Signature> signatures) {
    public VerificationReport {
        documentChecks = documentChecks == null ? List.of() : List.copyOf(documentChecks);
        signatures = signatures == null ? List.of() : List.copyOf(signatures);
    }

    public boolean passed() {
        return "PASSED".equals(verdict);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Signature(String name, String verdict, String signer, String esId, String sealName,
                            String sealMaker, OffsetDateTime claimedTime, OffsetDateTime timeStampTime,
                            List<Check> checks) {
        public Signature {
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    /** One check: {@code check} (e.g. SIGNER_SIGNATURE), verdict, stable code, reason, decisive or informational. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String check, String verdict, String code, String reason, boolean decisive) {
    }
}
