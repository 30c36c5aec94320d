package cn.hrss.seal.core.identity;

import java.util.Objects;

/**
 * A GB 11714 organisation code: 8 body characters (digits and upper-case letters) and a check character.
 * Inside a unified social credit code it is positions 9-17 (the subject identifier).
 */
public final class OrganizationCode {
    private static final int[] WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private final String value;

    private OrganizationCode(String value) {
        this.value = value;
    }

    /** Parses the 9-character form without a hyphen (e.g. {@code 55323005X}). */
    public static OrganizationCode parse(String text) {
        Objects.requireNonNull(text, "organisation code");
        if (text.length() != 9) {
            throw invalid("length", "organisation code must be 9 characters");
        }
        for (int i = 0; i < 8; i++) {
            if (charValue(text.charAt(i)) < 0) {
                throw invalid("alphabet", "organisation code body must be digits or upper-case letters");
            }
        }
        if (text.charAt(8) != checkCharacter(text.substring(0, 8))) {
            throw invalid("check-character", "organisation code check character does not match (GB 11714)");
        }
        return new OrganizationCode(text);
    }

    /** The GB 11714 check character of an 8-character body: 11 - (sum mod 11), 10 -> 'X', 11 -> '0'. */
    static char checkCharacter(String body) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += charValue(body.charAt(i)) * WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        return c == 10 ? 'X' : c == 11 ? '0' : (char) ('0' + c);
    }

    /** Digits are their value, letters A..Z are 10..35; anything else is -1. */
    private static int charValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static InvalidIdentifierException invalid(String rule, String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.INVALID_ORGANIZATION_CODE, rule, message);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrganizationCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
