package cn.hrss.seal.node;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FederationDestinationsTest {
    private static final URI PARENT = URI.create("http://province.example:8080");
    private static final URI FUJIAN = URI.create("http://fujian.example:8080");
    private static final URI NATIONAL = URI.create("http://national.example:9090");

    /** A ministry-like registry: one province registered, Fujian (350000). */
    private static final RegisteredSystems ONE_PROVINCE = new RegisteredSystems() {
        @Override
        public Optional<URI> baseUrlServing(AdministrativeRegionCode region) {
            return AdministrativeRegionCode.parse("350000").contains(region) ? Optional.of(FUJIAN) : Optional.empty();
        }

        @Override
        public Optional<AdministrativeRegionCode> regionOf(cn.hrss.seal.core.message.SignerId signer) {
            return Optional.empty();
        }
    };

    private final FederationDestinations destinations = new FederationDestinations(Map.of("national", NATIONAL),
            Optional.of(PARENT), Optional.of(ONE_PROVINCE));

    @Test
    void routesDownByTheRegionThatContainsTheSealsRegion() {
        assertThat(destinations.baseUri("region:350502")).contains(FUJIAN);
        assertThat(destinations.baseUri("region:350000")).contains(FUJIAN);
        assertThat(destinations.baseUri("region:440300")).isEmpty();
    }

    @Test
    void parentAndConfiguredNamesResolve() {
        assertThat(destinations.baseUri("parent")).contains(PARENT);
        assertThat(destinations.baseUri("national")).contains(NATIONAL);
        assertThat(destinations.baseUri("elsewhere")).isEmpty();
        assertThat(destinations.baseUri(null)).isEmpty();
    }

    @Test
    void malformedRegionsAndNodesWithoutRegistrationsRouteNowhere() {
        assertThat(destinations.baseUri("region:99")).isEmpty();
        assertThat(destinations.baseUri("region:990000")).isEmpty();
        FederationDestinations ministryless = new FederationDestinations(Map.of(), Optional.empty(), Optional.empty());
        assertThat(ministryless.baseUri("parent")).isEmpty();
        assertThat(ministryless.baseUri("region:350502")).isEmpty();
    }

    @Test
    void anExplicitlyConfiguredDestinationWins() {
        URI pinned = URI.create("http://pinned.example");
        FederationDestinations explicit = new FederationDestinations(Map.of("parent", pinned, "region:350000", pinned),
                Optional.of(PARENT), Optional.of(ONE_PROVINCE));
        assertThat(explicit.baseUri("parent")).contains(pinned);
        assertThat(explicit.baseUri("region:350000")).contains(pinned);
    }
}
