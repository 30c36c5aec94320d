package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.api.AccessTestResult;
import cn.hrss.seal.servicemgmt.api.RegistrationApplication;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Seed 003, 7.3.1: a lower system applies with the report of the access test it passed. The report must be signed
 * by a tester this node trusts (itself, its parent or another registered system: whoever ran the access-test
 * suite), be about this applicant (its signer id and base URL), say PASSED, and be recent. Each failure has its own
 * 422 code; nothing is stored before all hold.
 */
@Component
class AccessTestReportCheck {
    static final String UNTRUSTED = "ACCESS_TEST_REPORT_UNTRUSTED";
    static final String SIGNATURE = "ACCESS_TEST_REPORT_SIGNATURE_INVALID";
    static final String MALFORMED = "ACCESS_TEST_REPORT_MALFORMED";
    static final String OTHER_TARGET = "ACCESS_TEST_REPORT_OTHER_TARGET";
    static final String FAILED = "ACCESS_TEST_FAILED";
    static final String EXPIRED = "ACCESS_TEST_REPORT_EXPIRED";

    private final TrustList trustList;
    private final ServiceMgmtProperties properties;
    private final Clock clock;

    AccessTestReportCheck(TrustList trustList, ServiceMgmtProperties properties, Clock clock) {
        this.trustList = trustList;
        this.properties = properties;
        this.clock = clock;
    }

    AccessTestResult check(RegistrationApplication application) {
        RegistrationApplication.AccessTestReport report = application.accessTestReport();
        Optional<TrustedSigner> tester = trustList.find(new SignerId(report.signer()))
                .filter(t -> !t.revoked() && t.validAt(clock.instant()));
        if (tester.isEmpty()) {
            throw new SealException(UNTRUSTED, 422, "the access-test report is signed by " + report.signer()
                    + ", not a tester this node trusts", Map.of("signer", report.signer()), null);
        }
        boolean signed;
        try {
            signed = Sm2.verify(tester.get().publicKey(), report.document(), report.signature());
        } catch (RuntimeException e) {
            signed = false;
        }
        if (!signed) {
            throw new SealException(SIGNATURE, 422, "the access-test report's signature does not verify", Map.of(),
                    null);
        }
        AccessTestResult result = AccessTestResult.parse(report.document()).orElseThrow(() ->
                new SealException(MALFORMED, 422, "the access-test report is not a format-1 report document"));
        String applicant = SignerId.of(application.publicKey()).hex();
        if (!applicant.equals(result.target().signerId()) || !sameUrl(application.baseUrl(), result.target().baseUrl())
                || !report.signer().equals(result.tester())) {
            throw new SealException(OTHER_TARGET, 422, "the access-test report is about "
                    + result.target().baseUrl() + " (" + result.target().signerId() + "), not this applicant",
                    Map.of("target", String.valueOf(result.target().baseUrl())), null);
        }
        if (result.verdict() != AccessTestResult.Verdict.PASSED || !result.failedCases().isEmpty()) {
            throw new SealException(FAILED, 422, "the access test did not pass", Map.of("failedCases",
                    result.failedCases()), null);
        }
        Instant now = clock.instant();
        if (result.finishedAt().isAfter(now.plusSeconds(300))
                || result.finishedAt().isBefore(now.minus(properties.accessTestMaxAge()))) {
            throw new SealException(EXPIRED, 422, "the access test finished at " + result.finishedAt()
                    + "; a report is accepted for " + properties.accessTestMaxAge(), Map.of(), null);
        }
        return result;
    }

    private static boolean sameUrl(URI applied, String tested) {
        return tested != null && applied.toString().replaceAll("/+$", "")
                .equals(tested.replaceAll("/+$", ""));
    }
}
