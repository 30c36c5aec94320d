package cn.hrss.seal.servicemgmt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Service management of this node.
 *
 * @param baseUrl           this node's own federation address, published in its trust list entry
 * @param trustListValidity how far ahead a published list's next update lies
 * @param maxApplySize      largest registration.apply body accepted, in bytes
 * @param parent            the upper node to pull the trust list from; absent on the ministry
 * @param accessTestMaxAge  how old an applicant's access-test report may be
 * @param trustedPeers      PEM files of system certificates trusted outside the registration tree: the national
 *                          platform's at the ministry (it is not registered with any node)
 */
@ConfigurationProperties("seal.service-mgmt")
@Validated
public record ServiceMgmtProperties(@NotNull URI baseUrl,
                                    @DefaultValue("P1D") @NotNull Duration trustListValidity,
                                    @DefaultValue("262144") long maxApplySize,
                                    @Valid Parent parent,
                                    @DefaultValue({}) List<Path> trustedPeers,
                                    @DefaultValue("P7D") @NotNull Duration accessTestMaxAge) {

    /**
     * @param pinnedCertificate DER or PEM of the parent's seal root (or its system certificate)
     * @param pullInterval      how often the parent's trust list is pulled
     */
    public record Parent(@NotNull URI baseUrl, @NotNull Path pinnedCertificate,
                         @DefaultValue("PT5M") @NotNull Duration pullInterval,
                         @DefaultValue("PT30S") @NotNull Duration timeout) {
    }
}
