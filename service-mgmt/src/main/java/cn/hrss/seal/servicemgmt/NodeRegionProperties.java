package cn.hrss.seal.servicemgmt;

import cn.hrss.seal.ca.api.Tier;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** The node-wide {@code seal.tier} and {@code seal.region-code}: which applicants this node may register. */
@ConfigurationProperties("seal")
@Validated
public record NodeRegionProperties(@DefaultValue("MINISTRY") @NotNull Tier tier,
                                   @DefaultValue("100000") @NotNull @Pattern(regexp = "\\d{6}") String regionCode) {
    public AdministrativeRegionCode region() {
        return AdministrativeRegionCode.parse(regionCode);
    }
}
