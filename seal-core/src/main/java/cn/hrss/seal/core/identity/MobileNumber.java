package cn.hrss.seal.core.identity;

import java.util.Objects;

/**
 * A mainland China mobile number: 11 digits starting {@code 13}-{@code 19}. Spaces, hyphens and a leading
 * {@code +86}/{@code 86} are accepted and dropped. Personal data: {@link #toString()} is masked.
 */
public final class MobileNumber {
    private final String value;

    private MobileNumber(String value) {
        this.value = value;
    }

    public static MobileNumber parse(String text) {
        Objects.requireNonNull(text, "mobile number");
        String v = PhoneText.compact(text);
        if (v.startsWith("+86")) {
            v = v.substring(3);
        } else if (v.startsWith("86") && v.length() == 13) {
            v = v.substring(2);
        }
        if (v.length() != 11 || !AdministrativeRegionCode.isDigits(v)) {
            throw new InvalidIdentifierException(InvalidIdentifierException.INVALID_MOBILE_NUMBER, "format",
                    "mobile number must be 11 digits");
        }
        if (v.charAt(0) != '1' || v.charAt(1) < '3') {
            throw new InvalidIdentifierException(InvalidIdentifierException.INVALID_MOBILE_NUMBER, "prefix",
                    "mobile number must start with 13 to 19");
        }
        return new MobileNumber(v);
    }

    /** The 11 digits. Personal data. */
    public String value() {
        return value;
    }

    /** {@code 138****5678}. */
    public String masked() {
        return value.substring(0, 3) + "****" + value.substring(7);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MobileNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
