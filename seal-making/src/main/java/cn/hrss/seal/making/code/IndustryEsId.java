package cn.hrss.seal.making.code;

import cn.hrss.seal.core.error.SealException;

/**
 * An esID under the HRSS industry rule, 19 characters:
 * <pre>
 *   RRRRRR  YY  SS  MM  NNNNNN  C
 *   region  year sector maker serial check
 * </pre>
 * region = GB/T 2260 code of the seal holder unit, year = last two digits of the making year, sector = industry
 * code (GB/T 4754, 94 = social security), maker = number of the making system within the region, serial = per
 * (region, year) counter of that making system, C = ISO 7064 MOD 11-2 check character ('0'-'9' or 'X') over the
 * 18 digits before it, the same algorithm as the citizen ID number. Immutable.
 */
public final class IndustryEsId {
    public static final int LENGTH = 19;
    static final long MAX_SERIAL = 999_999;

    private final String value;

    private IndustryEsId(String value) {
        this.value = value;
    }

    public static IndustryEsId of(String regionCode, int year, String sectorCode, String makerCode, long serial) {
        if (!regionCode.matches("[0-9]{6}") || !sectorCode.matches("[0-9]{2}") || !makerCode.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("region code must be 6 digits, sector and maker code 2 digits");
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("serial out of range: " + serial);
        }
        String digits = regionCode + String.format("%02d", year % 100) + sectorCode + makerCode
                + String.format("%06d", serial);
        return new IndustryEsId(digits + checkCharacter(digits));
    }

    /** Parses and checks an industry esID; 400 {@code ES_ID_INVALID} when it is not one. */
    public static IndustryEsId parse(String value) {
        if (value == null || value.length() != LENGTH || !value.substring(0, LENGTH - 1).matches("[0-9]+")
                || checkCharacter(value.substring(0, LENGTH - 1)) != value.charAt(LENGTH - 1)) {
            throw SealException.badRequest("ES_ID_INVALID", "not an industry esID");
        }
        return new IndustryEsId(value);
    }

    /** ISO 7064 MOD 11-2 over a digit string: weights 2^k mod 11 from the right, result in '0'-'9' or 'X'. */
    static char checkCharacter(String digits) {
        int sum = 0;
        int weight = 2;
        for (int i = digits.length() - 1; i >= 0; i--) {
            sum = (sum + (digits.charAt(i) - '0') * weight) % 11;
            weight = weight * 2 % 11;
        }
        int check = (12 - sum) % 11;
        return check == 10 ? 'X' : (char) ('0' + check);
    }

    public String regionCode() {
        return value.substring(0, 6);
    }

    public long serial() {
        return Long.parseLong(value.substring(12, 18));
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndustryEsId other && value.equals(other.value);
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
