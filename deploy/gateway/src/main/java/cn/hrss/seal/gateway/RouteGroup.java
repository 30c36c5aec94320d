package cn.hrss.seal.gateway;

import java.util.List;

/**
 * The node's paths by audience (see the API contract). Declaration order is matching order: the public
 * {@code /api/v1/verify} and {@code /api/v1/seal-status/**} must win over the business catch-all {@code /api/v1/**}.
 */
enum RouteGroup {
    HEALTH(ClientKey.CLIENT_IP, "/actuator/health"),
    PORTAL(ClientKey.CLIENT_IP, "/verify", "/verify/**", "/portal/**", "/api/v1/verify", "/ca/**",
            "/api/v1/seal-status/**"),
    FEDERATION(ClientKey.SEAL_SIGNER, "/federation/**"),
    BUSINESS(ClientKey.BEARER_TOKEN, "/api/v1/**", "/console/**");

    private final ClientKey clientKey;
    private final List<String> paths;

    RouteGroup(ClientKey clientKey, String... paths) {
        this.clientKey = clientKey;
        this.paths = List.of(paths);
    }

    ClientKey clientKey() {
        return clientKey;
    }

    List<String> paths() {
        return paths;
    }

    String routeId() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
