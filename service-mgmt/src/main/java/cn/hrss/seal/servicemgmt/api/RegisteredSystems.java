package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.SignerId;
import java.net.URI;
import java.util.Optional;

/**
 * The lower systems registered here and approved, by the region they serve: what routes a message "down" to the
 * node responsible for a seal's region (a province at the ministry, a city at a province).
 */
public interface RegisteredSystems {

    /**
     * The federation address of the approved, not deregistered system whose region contains {@code region}; the most
     * specific one when several do (a prefecture before its province).
     */
    Optional<URI> baseUrlServing(AdministrativeRegionCode region);

    /** The region of the approved system that signs with {@code signer}; empty for anyone else (a parent, a stranger). */
    Optional<AdministrativeRegionCode> regionOf(SignerId signer);
}
