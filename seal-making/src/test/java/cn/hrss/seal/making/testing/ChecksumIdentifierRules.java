package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.port.IdentifierRules;

import java.util.Set;

/** Check-character rules for tests until the blocks identity classes are wired (see standards-notes section 3). */
public final class ChecksumIdentifierRules implements IdentifierRules {
    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62",
            "63", "64", "65", "71", "81", "82");

    @Override
    public boolean isCreditCode(String v) {
        if (v == null || !v.matches("[1-9ANY][1-59][0-9]{6}[0-9A-HJ-NP-RTUW-Y]{10}")) {
            return false;
        }
        return creditCodeCheck(v.substring(0, 17)) == v.charAt(17);
    }

    /** GB 32100: weights 3^(i) mod 31, C18 = 31 - sum mod 31, 31 -> '0'. */
    public static char creditCodeCheck(String first17) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            sum += USCC_ALPHABET.indexOf(first17.charAt(i)) * weight;
            weight = weight * 3 % 31;
        }
        int c = 31 - sum % 31;
        return USCC_ALPHABET.charAt(c == 31 ? 0 : c);
    }

    @Override
    public boolean isRegionCode(String v) {
        return v != null && v.matches("[0-9]{6}") && PROVINCES.contains(v.substring(0, 2));
    }

    @Override
    public boolean isCitizenIdNumber(String v) {
        if (v == null || !v.matches("[0-9]{17}[0-9X]")) {
            return false;
        }
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (v.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11) == v.charAt(17);
    }

    @Override
    public boolean isMobilePhone(String v) {
        return v != null && v.matches("1[3-9][0-9]{9}");
    }
}
