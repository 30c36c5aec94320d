package cn.hrss.seal.core.identity;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * An 18-character citizen identity number (GB 11643-1999): 6-digit region of first registration, 8-digit birth
 * date, 3-digit sequence (odd = male) and an ISO 7064 MOD 11-2 check character ({@code X} for 10).
 *
 * <p>This is personal data: {@link #toString()} is masked; use {@link #value()} only to store it encrypted.
 * The old 15-digit form is not accepted.
 */
public final class CitizenIdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public enum Sex { MALE, FEMALE }

    private final String value;
    private final AdministrativeRegionCode region;
    private final LocalDate birthDate;

    private CitizenIdNumber(String value, AdministrativeRegionCode region, LocalDate birthDate) {
        this.value = value;
        this.region = region;
        this.birthDate = birthDate;
    }

    /** Parses with today's date in China as the latest possible birth date. */
    public static CitizenIdNumber parse(String text) {
        return parse(text, LocalDate.now(CHINA));
    }

    /** Parses; {@code today} bounds the birth date (tests pass a fixed one). Lower-case {@code x} is accepted. */
    public static CitizenIdNumber parse(String text, LocalDate today) {
        Objects.requireNonNull(text, "citizen ID number");
        String v = text.strip().toUpperCase(Locale.ROOT);
        if (v.length() != 18) {
            throw invalid("length", "citizen ID number must be 18 characters");
        }
        if (!AdministrativeRegionCode.isDigits(v.substring(0, 17)) || !(Character.isDigit(v.charAt(17))
                || v.charAt(17) == 'X')) {
            throw invalid("format", "citizen ID number is 17 digits and a digit or X");
        }
        if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
            throw invalid("check-character", "citizen ID number check character does not match (ISO 7064 MOD 11-2)");
        }
        AdministrativeRegionCode region;
        try {
            region = AdministrativeRegionCode.parse(v.substring(0, 6));
        } catch (InvalidIdentifierException e) {
            throw invalid("region", "citizen ID number: " + e.getMessage());
        }
        if (region.level() == AdministrativeRegionCode.Level.CENTRAL) {
            throw invalid("region", "citizen ID number must start with a province-level region code");
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(v.substring(6, 10)), Integer.parseInt(v.substring(10, 12)),
                    Integer.parseInt(v.substring(12, 14)));
        } catch (DateTimeException e) {
            throw invalid("birth-date", "citizen ID number contains an impossible birth date");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(today)) {
            throw invalid("birth-date", "citizen ID number birth date must lie between 1900-01-01 and today");
        }
        return new CitizenIdNumber(v, region, birth);
    }

    /** ISO 7064 MOD 11-2 over 17 digits: (12 - sum mod 11) mod 11, 10 -> 'X'. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        int c = (12 - sum % 11) % 11;
        return c == 10 ? 'X' : (char) ('0' + c);
    }

    private static InvalidIdentifierException invalid(String rule, String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.INVALID_CITIZEN_ID, rule, message);
    }

    /** The full number, upper-case X. Personal data. */
    public String value() {
        return value;
    }

    public AdministrativeRegionCode region() {
        return region;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** First 6 and last 4 kept: {@code 110101********1234}. */
    public String masked() {
        return value.substring(0, 6) + "********" + value.substring(14);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenIdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked, so that logging the object leaks nothing. */
    @Override
    public String toString() {
        return masked();
    }
}
