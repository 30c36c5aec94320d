package cn.hrss.seal.node;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.identity.InvalidIdentifierException;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where the node's federation messages go. Destinations are names: {@value #PARENT} (the upper node, the one whose
 * trust list this node pulls), {@code region:NNNNNN} (the registered lower node serving that region, resolved from
 * the registrations in force, so routing follows approvals and deregistrations), and any name configured explicitly
 * under {@code seal.federation.destinations} (e.g. {@code national} at the ministry), which wins over both.
 */
final class FederationDestinations implements DestinationResolver {
    static final String PARENT = "parent";
    static final String REGION_PREFIX = "region:";

    private final Map<String, URI> configured;
    private final Optional<URI> parent;
    private final Optional<RegisteredSystems> children;

    FederationDestinations(Map<String, URI> configured, Optional<URI> parent, Optional<RegisteredSystems> children) {
        this.configured = Map.copyOf(configured);
        this.parent = parent;
        this.children = children;
    }

    @Override
    public Optional<URI> baseUri(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        URI explicit = configured.get(destination);
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (PARENT.equals(destination)) {
            return parent;
        }
        if (destination.startsWith(REGION_PREFIX)) {
            return region(destination.substring(REGION_PREFIX.length()))
                    .flatMap(code -> children.flatMap(c -> c.baseUrlServing(code)));
        }
        return Optional.empty();
    }

    private static Optional<AdministrativeRegionCode> region(String code) {
        try {
            return Optional.of(AdministrativeRegionCode.parse(code));
        } catch (InvalidIdentifierException e) {
            return Optional.empty();
        }
    }
}
