package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The region a seal's code names, for routing a status question down from the top: an industry esID starts with the
 * holder's GB/T 2260 code (19 characters, docs/SEAL-LIFECYCLE.md), a national code carries it after its two-letter
 * prefix (docs/NATIONAL-PLATFORM.md). Other codes name no region.
 */
final class SealRegions {
    private static final Pattern INDUSTRY = Pattern.compile("(\\d{6})\\d{12}[0-9X]");
    private static final Pattern NATIONAL = Pattern.compile("[A-Z]{2}(\\d{6})\\d{10}[0-9X]");

    private SealRegions() {
    }

    static Optional<String> of(String esId) {
        for (Pattern p : new Pattern[] {INDUSTRY, NATIONAL}) {
            Matcher m = p.matcher(esId);
            if (m.matches()) {
                try {
                    return Optional.of(AdministrativeRegionCode.parse(m.group(1)).value());
                } catch (RuntimeException notARegion) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
