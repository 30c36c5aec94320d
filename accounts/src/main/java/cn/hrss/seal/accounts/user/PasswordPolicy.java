package cn.hrss.seal.accounts.user;

import cn.hrss.seal.core.error.SealException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The password rules of the seal system: more than 8 characters with an upper-case letter, a lower-case letter and a
 * digit. A rejection names every rule that failed, so a client can show them all at once.
 */
final class PasswordPolicy {
    static final int MIN_LENGTH = 9;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently truncated, so refuse them. */
    static final int MAX_UTF8_BYTES = 72;

    enum Rule { MIN_LENGTH, MAX_LENGTH, UPPERCASE, LOWERCASE, DIGIT }

    private PasswordPolicy() {
    }

    static List<Rule> violations(String password) {
        List<Rule> failed = new ArrayList<>();
        if (password == null) {
            password = "";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            failed.add(Rule.MIN_LENGTH);
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_UTF8_BYTES) {
            failed.add(Rule.MAX_LENGTH);
        }
        if (password.codePoints().noneMatch(Character::isUpperCase)) {
            failed.add(Rule.UPPERCASE);
        }
        if (password.codePoints().noneMatch(Character::isLowerCase)) {
            failed.add(Rule.LOWERCASE);
        }
        if (password.codePoints().noneMatch(Character::isDigit)) {
            failed.add(Rule.DIGIT);
        }
        return List.copyOf(failed);
    }

    /** @throws SealException {@code WEAK_PASSWORD} (400) with {@code details.failedRules} */
    static void check(String password) {
        List<Rule> failed = violations(password);
        if (!failed.isEmpty()) {
            throw new SealException("WEAK_PASSWORD", 400,
                    "password must be more than 8 characters (at most " + MAX_UTF8_BYTES
                            + " bytes) with an upper-case letter, a lower-case letter and a digit",
                    Map.of("failedRules", failed.stream().map(Enum::name).toList()), null);
        }
    }
}
