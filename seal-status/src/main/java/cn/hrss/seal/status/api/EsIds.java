package cn.hrss.seal.status.api;

import cn.hrss.seal.core.error.SealException;

import java.util.regex.Pattern;

/**
 * The esID syntax the status system accepts: 1..64 characters of letters, digits, '.', '_' and '-' (the GB/T 38540
 * esID is an IA5String; the national unique code and the industry codes are subsets of this).
 */
public final class EsIds {
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z._-]{1,64}");

    private EsIds() {
    }

    public static boolean isWellFormed(String esId) {
        return esId != null && FORMAT.matcher(esId).matches();
    }

    /** Returns the esID, or throws 400 {@code INVALID_ES_ID}. */
    public static String requireWellFormed(String esId) {
        if (!isWellFormed(esId)) {
            throw SealException.badRequest("INVALID_ES_ID",
                    "esID must be 1..64 characters of letters, digits, '.', '_' or '-'");
        }
        return esId;
    }
}
