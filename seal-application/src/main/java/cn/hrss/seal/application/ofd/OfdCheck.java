package cn.hrss.seal.application.ofd;

import cn.hrss.seal.core.ses.SesCheck;

import java.util.Objects;

/**
 * One check of one OFD signature with a reason a person can read. Kept in this package until the shared report
 * model of {@code application.verify} exists.
 */
public record OfdCheck(Kind kind, SesCheck.Status status, String reason) {

    public enum Kind {
        /** Signature.xml, Seal.esl and SignedValue.dat present and readable. */
        FORMAT,
        /** Every Reference's CheckValue equals the hash of the file now in the package. */
        DOCUMENT_INTEGRITY,
        /** Seal.esl is byte-identical to TBS_Sign.eseal. */
        SEAL_MATCH,
        /** TBS_Sign.dataHash equals SM3 of the Signature.xml bytes. */
        DATA_HASH,
        SIGNER_SIGNATURE,
        SIGNER_IN_SEAL,
        SEAL_SIGNATURE,
        SEAL_VALIDITY,
        /** The signer certificate chains to a trusted root and is valid at the signing time. */
        SIGNER_CERTIFICATE,
        /** The seal maker certificate chains to a trusted root and is valid at the signing time. */
        MAKER_CERTIFICATE,
        /** The time-stamp token over the signature value, if present. */
        TIME_STAMP
    }

    public OfdCheck {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
    }

    static OfdCheck passed(Kind kind, String reason) {
        return new OfdCheck(kind, SesCheck.Status.PASSED, reason);
    }

    static OfdCheck failed(Kind kind, String reason) {
        return new OfdCheck(kind, SesCheck.Status.FAILED, reason);
    }

    static OfdCheck indeterminate(Kind kind, String reason) {
        return new OfdCheck(kind, SesCheck.Status.INDETERMINATE, reason);
    }

    static OfdCheck of(SesCheck check) {
        return new OfdCheck(Kind.valueOf(check.kind().name()), check.status(), check.reason());
    }
}
