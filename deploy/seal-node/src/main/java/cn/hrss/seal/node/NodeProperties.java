package cn.hrss.seal.node;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * {@code seal.*}: who this node is.
 *
 * @param dataDir    database, key store and generated secrets (made absolute at startup)
 * @param tier       ministry, province or city
 * @param regionCode GB/T 2260 six-digit administrative division code of the node's region
 * @param subsystems subsystems to run; empty means the tier's defaults
 */
@Validated
@ConfigurationProperties("seal")
public record NodeProperties(
        @NotNull @DefaultValue("./data") Path dataDir,
        @NotNull @DefaultValue("MINISTRY") Tier tier,
        @NotNull @Pattern(regexp = "\\d{6}", message = "must be a six-digit GB/T 2260 region code")
        @DefaultValue("100000") String regionCode,
        Set<Subsystem> subsystems) {

    public NodeProperties {
        subsystems = subsystems == null || subsystems.isEmpty() ? tier.defaults() : EnumSet.copyOf(subsystems);
        Set<Subsystem> notAllowed = EnumSet.copyOf(subsystems);
        notAllowed.removeAll(tier.allowed());
        if (!notAllowed.isEmpty()) {
            throw new IllegalArgumentException("seal.subsystems " + notAllowed + " cannot run on a " + tier + " node");
        }
        // making records every seal in the local status ledger; signing and verification ask it in-process
        for (Subsystem needsStatus : EnumSet.of(Subsystem.MAKING, Subsystem.APPLICATION)) {
            if (subsystems.contains(needsStatus) && !subsystems.contains(Subsystem.STATUS)) {
                throw new IllegalArgumentException("seal.subsystems: " + needsStatus + " needs STATUS on the same node");
            }
        }
    }

    public boolean runs(Subsystem subsystem) {
        return subsystems.contains(subsystem);
    }
}
