package cn.hrss.seal.core.pii;

/**
 * Masks personal data for logs, UI lists and exports. Lenient by design: it never throws, so a malformed value
 * in a log line is still masked rather than printed.
 */
public final class Masking {
    private Masking() {
    }

    /** Citizen ID: first 6 and last 4 kept ({@code 110101********1234}); short values are fully masked. */
    public static String citizenId(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() < 11 ? stars(v.length()) : v.substring(0, 6) + stars(v.length() - 10) + v.substring(v.length() - 4);
    }

    /** Mobile number: first 3 and last 4 kept ({@code 138****5678}); other lengths are fully masked. */
    public static String mobile(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.length() != 11 ? stars(v.length()) : v.substring(0, 3) + "****" + v.substring(7);
    }

    /** Person's name: first character kept, one star per further character; a one-character name is masked whole. */
    public static String name(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int n = v.codePointCount(0, v.length());
        if (n <= 1) {
            return stars(n);
        }
        int firstEnd = v.offsetByCodePoints(0, 1);
        return v.substring(0, firstEnd) + stars(n - 1);
    }

    private static String stars(int n) {
        return "*".repeat(n);
    }
}
