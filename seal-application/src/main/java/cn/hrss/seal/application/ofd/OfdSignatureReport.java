package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.ses.SesCheck;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one signature of an OFD document.
 *
 * @param signatureLocation absolute ST_Loc of its Signature.xml
 * @param esId              the seal's esID, empty when SignedValue.dat could not be read
 * @param signingTime       TBS_Sign.timeInfo, empty when unreadable
 */
public record OfdSignatureReport(String id, String signatureLocation, Optional<String> esId,
                                 Optional<String> sealName, Optional<Instant> signingTime, List<OfdCheck> checks) {

    public OfdSignatureReport {
        checks = List.copyOf(checks);
    }

    /** FAILED if any check failed, else INDETERMINATE if any is undecided, else PASSED. */
    public SesCheck.Status verdict() {
        return OfdVerificationReport.worst(checks.stream().map(OfdCheck::status).toList());
    }

    public OfdCheck check(OfdCheck.Kind kind) {
        return checks.stream().filter(c -> c.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no check " + kind));
    }
}
