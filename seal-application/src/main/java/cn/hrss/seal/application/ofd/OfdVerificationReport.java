package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.ses.SesCheck;

import java.util.Collection;
import java.util.List;

/** The verification of every signature of an OFD document. A document without signatures is INDETERMINATE. */
public record OfdVerificationReport(List<OfdSignatureReport> signatures) {

    public OfdVerificationReport {
        signatures = List.copyOf(signatures);
    }

    public SesCheck.Status verdict() {
        return signatures.isEmpty() ? SesCheck.Status.INDETERMINATE
                : worst(signatures.stream().map(OfdSignatureReport::verdict).toList());
    }

    static SesCheck.Status worst(Collection<SesCheck.Status> statuses) {
        if (statuses.contains(SesCheck.Status.FAILED)) {
            return SesCheck.Status.FAILED;
        }
        return statuses.contains(SesCheck.Status.INDETERMINATE) ? SesCheck.Status.INDETERMINATE
                : SesCheck.Status.PASSED;
    }
}
