package cn.hrss.seal.accounts.bootstrap;

import cn.hrss.seal.accounts.api.Role;
import cn.hrss.seal.accounts.user.UserAccounts;
import cn.hrss.seal.core.error.SealException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.security.SecureRandom;
import java.util.Set;

/**
 * Creates the first system administrator when the database has no user at all, before the web server accepts
 * requests: from {@code seal.accounts.bootstrap-admin} ({@code username:password}) if set, otherwise with a
 * generated password that is logged once. There is never any other built-in account.
 */
public final class BootstrapAdmin implements SmartInitializingSingleton {
    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);
    static final String DEFAULT_USERNAME = "sysadmin";
    static final String ACTOR = "bootstrap";
    /** No look-alike characters, so an operator can copy the password from a printed log. */
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";

    private final UserAccounts accounts;
    private final String configured;
    private final SecureRandom random = new SecureRandom();

    public BootstrapAdmin(UserAccounts accounts, String configured) {
        this.accounts = accounts;
        this.configured = configured;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.anyUserExists()) {
            return;
        }
        if (configured != null && !configured.isBlank()) {
            int colon = configured.indexOf(':');
            if (colon <= 0 || colon == configured.length() - 1) {
                throw new IllegalStateException(
                        "SEAL_BOOTSTRAP_ADMIN (seal.accounts.bootstrap-admin) must be username:password");
            }
            String username = configured.substring(0, colon);
            try {
                accounts.create(username, configured.substring(colon + 1), "System administrator",
                        Set.of(Role.SYSTEM_ADMIN), ACTOR);
            } catch (SealException e) {
                if (raceLost(e)) {
                    return;
                }
                throw new IllegalStateException("SEAL_BOOTSTRAP_ADMIN is not acceptable (" + e.code() + " "
                        + e.details() + "): " + e.getMessage(), e);
            }
            log.info("bootstrap: created system administrator '{}' from SEAL_BOOTSTRAP_ADMIN", username);
            return;
        }
        String password = generatePassword();
        try {
            accounts.create(DEFAULT_USERNAME, password, "System administrator", Set.of(Role.SYSTEM_ADMIN), ACTOR);
        } catch (SealException e) {
            if (raceLost(e)) {
                return;
            }
            throw e;
        }
        log.warn("""

                ********************************************************************************
                * BOOTSTRAP: no SEAL_BOOTSTRAP_ADMIN was given, so a system administrator was  *
                * created with a generated password. It is shown only this once.               *
                *   username: {}
                *   password: {}
                * Log in, create the named administrators, and disable this account.           *
                ********************************************************************************""",
                DEFAULT_USERNAME, password);
    }

    /** Several nodes starting together on one database: the first one creates the administrator. */
    private static boolean raceLost(SealException e) {
        if ("USERNAME_TAKEN".equals(e.code())) {
            log.info("bootstrap: another node created the first administrator");
            return true;
        }
        return false;
    }

    /** 20 characters from all three classes: about 117 bits, and always within the password rules. */
    String generatePassword() {
        String all = UPPER + LOWER + DIGITS;
        char[] out = new char[20];
        out[0] = UPPER.charAt(random.nextInt(UPPER.length()));
        out[1] = LOWER.charAt(random.nextInt(LOWER.length()));
        out[2] = DIGITS.charAt(random.nextInt(DIGITS.length()));
        for (int i = 3; i < out.length; i++) {
            out[i] = all.charAt(random.nextInt(all.length()));
        }
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return new String(out);
    }
}
