package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node-wide {@code seal.tier} and {@code seal.region-code}, which go into this node's system certificate.
 * Other modules bind the same keys for their own purposes.
 *
 * @param tier       this node's tier
 * @param regionCode this node's GB/T 2260 region code (six digits; 100000 for the ministry)
 */
@ConfigurationProperties("seal")
@Validated
public record CaNodeProperties(
        @DefaultValue("MINISTRY") @NotNull Tier tier,
        @DefaultValue("100000") @NotNull @Pattern(regexp = "\\d{6}", message = "must be six digits")
        String regionCode) {

    /** The region code, checked against GB/T 2260's structure (a bad one stops the start). */
    public AdministrativeRegionCode region() {
        return AdministrativeRegionCode.parse(regionCode);
    }
}
