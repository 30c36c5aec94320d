package cn.hrss.seal.core.picture;

import java.util.Objects;

/**
 * What goes on a round official seal.
 *
 * @param unitName   along the upper arc, e.g. 某某市人力资源和社会保障局 (1..40 characters)
 * @param sealName   horizontally below the star, e.g. 合同专用章; empty for the unit's main seal (0..12)
 * @param codeNumber along the lower arc (the filing/anti-counterfeit number printed on physical seals); empty for
 *                   none (0..20 digits or upper-case letters)
 */
public record SealDesign(String unitName, String sealName, String codeNumber, SealSize size) {
    public SealDesign {
        unitName = text(unitName, "unit name", 1, 40);
        sealName = text(sealName == null ? "" : sealName, "seal name", 0, 12);
        codeNumber = codeNumber == null ? "" : codeNumber.strip();
        if (codeNumber.length() > 20 || !codeNumber.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z')) {
            throw PictureException.badText("code number must be at most 20 digits or upper-case letters");
        }
        Objects.requireNonNull(size, "size");
    }

    public static SealDesign of(String unitName, String sealName) {
        return new SealDesign(unitName, sealName, "", SealSize.ROUND_42);
    }

    private static String text(String value, String what, int min, int max) {
        if (value == null) {
            throw PictureException.badText(what + " is required");
        }
        String v = value.strip();
        int n = v.codePointCount(0, v.length());
        if (n < min || n > max) {
            throw PictureException.badText(what + " must be " + min + ".." + max + " characters");
        }
        if (v.codePoints().anyMatch(c -> Character.isISOControl(c) || Character.isWhitespace(c))) {
            throw PictureException.badText(what + " must not contain spaces or control characters");
        }
        return v;
    }
}
