package cn.hrss.seal.federation.api;

import java.net.URI;
import java.util.Optional;

/** Where a destination node is: its base URI. The default reads {@code seal.federation.destinations}. */
@FunctionalInterface
public interface DestinationResolver {
    Optional<URI> baseUri(String destination);
}
