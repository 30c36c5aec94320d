package cn.hrss.seal.accounts.api;

import java.util.List;

/**
 * Request paths (Spring {@code PathPattern} syntax, e.g. {@code /ca/**}) that a module serves without
 * authentication. Declare one as a bean in the module's auto-configuration; the accounts security chain permits
 * the union of all of them and requires a bearer token everywhere else.
 */
public record PublicPaths(String owner, List<String> patterns) {
    public PublicPaths {
        patterns = List.copyOf(patterns);
        for (String p : patterns) {
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException("public path pattern must start with '/': " + p);
            }
        }
    }

    public static PublicPaths of(String owner, String... patterns) {
        return new PublicPaths(owner, List.of(patterns));
    }
}
