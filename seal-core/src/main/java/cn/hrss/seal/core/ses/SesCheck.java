package cn.hrss.seal.core.ses;

import java.util.Objects;

/** The outcome of one verification check, with the reason a person can read. */
public record SesCheck(Kind kind, Status status, String reason) {

    public enum Kind {
        /** The maker's signature over the seal (v4: SES_SealInfo; v1: SealInfo, cert and algorithm). */
        SEAL_SIGNATURE,
        /** The signer's signature over TBS_Sign. */
        SIGNER_SIGNATURE,
        /** The signer certificate is one the seal lists (certListType 1: byte-equal; 2: digest). */
        SIGNER_IN_SEAL,
        /** The seal's validity period contains the signing time. */
        SEAL_VALIDITY,
        /** TBS_Sign.dataHash equals the SM3 digest of the original. */
        DATA_HASH
    }

    public enum Status { PASSED, FAILED, INDETERMINATE }

    public SesCheck {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
    }

    static SesCheck passed(Kind kind, String reason) {
        return new SesCheck(kind, Status.PASSED, reason);
    }

    static SesCheck failed(Kind kind, String reason) {
        return new SesCheck(kind, Status.FAILED, reason);
    }

    static SesCheck indeterminate(Kind kind, String reason) {
        return new SesCheck(kind, Status.INDETERMINATE, reason);
    }

    public boolean passed() {
        return status == Status.PASSED;
    }
}
