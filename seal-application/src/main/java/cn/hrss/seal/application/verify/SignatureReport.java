package cn.hrss.seal.application.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The verification of one signature.
 *
 * @param name          the signature's name in the document (PDF field name, OFD signature ID)
 * @param signer        subject DN of the signer certificate, if it could be found
 * @param esId          esID of the embedded seal, if any
 * @param sealName      name of the embedded seal, if any
 * @param claimedTime   the signing time the signer asserts (not proof)
 * @param timeStampTime genTime of a valid signature time stamp (proof of existence)
 * @param seal          the embedded seal's details (picture, maker), if it could be read
 */
public record SignatureReport(String name, Optional<String> signer, Optional<String> esId, Optional<String> sealName,
                              Optional<Instant> claimedTime, Optional<Instant> timeStampTime,
                              List<CheckResult> checks, Optional<SealDetails> seal) {
    public SignatureReport {
        checks = List.copyOf(checks);
        seal = seal == null ? Optional.empty() : seal;
    }

    public SignatureReport(String name, Optional<String> signer, Optional<String> esId, Optional<String> sealName,
                           Optional<Instant> claimedTime, Optional<Instant> timeStampTime, List<CheckResult> checks) {
        this(name, signer, esId, sealName, claimedTime, timeStampTime, checks, Optional.empty());
    }

    /** A signature whose structures could not be read or are not supported: only the FORMAT result. */
    public static SignatureReport formatOnly(String name, CheckResult format) {
        return new SignatureReport(name, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of(format));
    }

    /** FAILED if a decisive check failed, else INDETERMINATE if one was undecided, else PASSED. */
    public Verdict verdict() {
        return Verdicts.of(checks);
    }

    public Optional<CheckResult> check(Check check) {
        return checks.stream().filter(c -> c.check() == check).findFirst();
    }
}
