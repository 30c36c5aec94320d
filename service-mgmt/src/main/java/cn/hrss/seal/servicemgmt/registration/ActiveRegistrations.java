package cn.hrss.seal.servicemgmt.registration;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.net.URI;
import java.util.Comparator;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Routes by the registrations in force: read from the table on each call, so a deregistration routes nowhere at once. */
@Component
class ActiveRegistrations implements RegisteredSystems {
    private final RegistrationStore store;

    ActiveRegistrations(RegistrationStore store) {
        this.store = store;
    }

    @Override
    public Optional<URI> baseUrlServing(AdministrativeRegionCode region) {
        return store.list(Optional.of(RegistrationStatus.APPROVED)).stream()
                .filter(r -> AdministrativeRegionCode.parse(r.regionCode()).contains(region))
                // a longer significant prefix (prefecture) is more specific than a province
                .max(Comparator.comparingInt(r -> AdministrativeRegionCode.parse(r.regionCode()).level().ordinal()))
                .map(r -> URI.create(r.baseUrl()));
    }

    @Override
    public Optional<AdministrativeRegionCode> regionOf(SignerId signer) {
        return store.list(Optional.of(RegistrationStatus.APPROVED)).stream()
                .filter(r -> r.signerId().equals(signer.hex()))
                .findFirst()
                .map(r -> AdministrativeRegionCode.parse(r.regionCode()));
    }
}
