package cn.hrss.seal.core.identity;

import java.util.Objects;

/**
 * A unified social credit code (GB 32100-2015): registration authority, organisation category, registration
 * region (GB/T 2260), the 9-character organisation code (GB 11714, with its own check character) and a check
 * character over the first 17 positions.
 */
public final class UnifiedCreditCode {
    /** The 31-character alphabet; a character's value is its index. I, O, S, V and Z are not used. */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    /** W_i = 3^(i-1) mod 31 for positions 1..17. */
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final String AUTHORITIES = "123456789ANY";

    private final String value;
    private final AdministrativeRegionCode region;
    private final OrganizationCode organizationCode;

    private UnifiedCreditCode(String value, AdministrativeRegionCode region, OrganizationCode organizationCode) {
        this.value = value;
        this.region = region;
        this.organizationCode = organizationCode;
    }

    /** Parses an 18-character code; lower-case letters are accepted and normalised to upper case. */
    public static UnifiedCreditCode parse(String text) {
        Objects.requireNonNull(text, "credit code");
        String v = text.strip().toUpperCase(java.util.Locale.ROOT);
        if (v.length() != 18) {
            throw invalid("length", "unified social credit code must be 18 characters");
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(v.charAt(i)) < 0) {
                throw invalid("alphabet", "unified social credit code uses digits and letters other than I, O, S, V, Z");
            }
        }
        if (AUTHORITIES.indexOf(v.charAt(0)) < 0) {
            throw invalid("registration-authority", "position 1 must be a registration authority code (1-9, A, N, Y)");
        }
        if (v.charAt(1) != '9' && (v.charAt(1) < '1' || v.charAt(1) > '5')) {
            throw invalid("category", "position 2 must be an organisation category code (1-5 or 9)");
        }
        if (v.charAt(17) != checkCharacter(v.substring(0, 17))) {
            throw invalid("check-character", "unified social credit code check character does not match (GB 32100)");
        }
        AdministrativeRegionCode region;
        OrganizationCode org;
        try {
            region = AdministrativeRegionCode.parse(v.substring(2, 8));
            org = OrganizationCode.parse(v.substring(8, 17));
        } catch (InvalidIdentifierException e) {
            throw invalid(e.rule(), "unified social credit code: " + e.getMessage());
        }
        return new UnifiedCreditCode(v, region, org);
    }

    /** The check character of the first 17 positions: 31 - (sum mod 31), where 31 means '0'. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    private static InvalidIdentifierException invalid(String rule, String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.INVALID_CREDIT_CODE, rule, message);
    }

    public String value() {
        return value;
    }

    /** Position 1: registration management department (1 = institutional establishment, 9 = market regulation, ...). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Position 2: organisation category within the authority (e.g. {@code 1} = government organ under authority 1). */
    public char category() {
        return value.charAt(1);
    }

    /** Whether this is a government organ (机关): authority 1, category 1. */
    public boolean isGovernmentOrgan() {
        return value.startsWith("11");
    }

    /** Positions 3-8: region of the registration authority. */
    public AdministrativeRegionCode registrationRegion() {
        return region;
    }

    /** Positions 9-17. */
    public OrganizationCode organizationCode() {
        return organizationCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnifiedCreditCode other && value.equals(other.value);
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
