package cn.hrss.seal.core.identity;

import java.util.Objects;
import java.util.Set;

/**
 * A six-digit administrative division code in the shape of GB/T 2260: digits 1-2 province, 3-4 prefecture,
 * 5-6 county. {@code PP0000} is a province, {@code PPCC00} a prefecture, {@code PPCCDD} a county-level unit.
 *
 * <p>Only the shape and the province prefix (one of the 34 province-level units) are checked: the project has
 * no licensed copy of the current code list, and abolished codes stay valid inside older citizen ID numbers
 * anyway. A code that passes may therefore still not exist.
 *
 * <p>{@code 100000} is accepted as {@link Level#CENTRAL}: it is not a GB/T 2260 code, but central organs carry
 * it in their unified social credit codes (observed in published codes, not in a standard text).
 */
public final class AdministrativeRegionCode {
    /** The registration-authority region of central organs; see the class comment. */
    public static final String CENTRAL_CODE = "100000";

    /** The 34 province-level units of GB/T 2260 (including Taiwan, Hong Kong and Macao). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15",
            "21", "22", "23",
            "31", "32", "33", "34", "35", "36", "37",
            "41", "42", "43", "44", "45", "46",
            "50", "51", "52", "53", "54",
            "61", "62", "63", "64", "65",
            "71", "81", "82");

    public enum Level { CENTRAL, PROVINCE, PREFECTURE, COUNTY }

    private final String value;
    private final Level level;

    private AdministrativeRegionCode(String value, Level level) {
        this.value = value;
        this.level = level;
    }

    public static AdministrativeRegionCode parse(String text) {
        Objects.requireNonNull(text, "region code");
        if (text.length() != 6 || !isDigits(text)) {
            throw invalid("format", "region code must be 6 digits");
        }
        if (text.equals(CENTRAL_CODE)) {
            return new AdministrativeRegionCode(text, Level.CENTRAL);
        }
        if (!PROVINCES.contains(text.substring(0, 2))) {
            throw invalid("province", "region code does not start with one of the 34 province-level codes");
        }
        boolean noPrefecture = text.startsWith("00", 2);
        boolean noCounty = text.startsWith("00", 4);
        if (noPrefecture && !noCounty) {
            throw invalid("hierarchy", "a county-level code needs a prefecture part (digits 3-4 must not be 00)");
        }
        Level level = noPrefecture ? Level.PROVINCE : noCounty ? Level.PREFECTURE : Level.COUNTY;
        return new AdministrativeRegionCode(text, level);
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static InvalidIdentifierException invalid(String rule, String message) {
        return new InvalidIdentifierException(InvalidIdentifierException.INVALID_REGION_CODE, rule, message);
    }

    public String value() {
        return value;
    }

    public Level level() {
        return level;
    }

    /** The province-level code {@code PP0000} this code belongs to (itself for provinces and the central code). */
    public AdministrativeRegionCode province() {
        return level == Level.CENTRAL || level == Level.PROVINCE
                ? this : new AdministrativeRegionCode(value.substring(0, 2) + "0000", Level.PROVINCE);
    }

    /** Whether {@code other} is this unit or lies inside it. */
    public boolean contains(AdministrativeRegionCode other) {
        return switch (level) {
            case CENTRAL -> true;
            case PROVINCE -> other.value.startsWith(value.substring(0, 2));
            case PREFECTURE -> other.value.startsWith(value.substring(0, 4));
            case COUNTY -> other.value.equals(value);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AdministrativeRegionCode other && value.equals(other.value);
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
