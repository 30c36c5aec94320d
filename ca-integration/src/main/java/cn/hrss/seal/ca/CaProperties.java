package cn.hrss.seal.ca;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * The embedded CA ({@code seal.ca.*}).
 *
 * @param rootSubject   DN of the seal root, used only when the root is first generated
 * @param nodeName      CN of this node's system certificate
 * @param organisation  O of the node, OCSP and TSA certificates
 * @param publicBaseUrl where this node's {@code /ca/**} is reachable from outside; CRL distribution point and
 *                      OCSP URLs in issued certificates are derived from it
 * @param validity      validity periods per profile
 * @param tsaPolicy     policy OID of the time stamps
 * @param est           EST server ({@code /.well-known/est})
 */
@ConfigurationProperties("seal.ca")
@Validated
public record CaProperties(
        @DefaultValue("C=CN, O=HRSS, CN=HRSS Seal Root CA") @NotBlank String rootSubject,
        @DefaultValue("seal-node") @NotBlank String nodeName,
        @DefaultValue("HRSS") @NotBlank String organisation,
        @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
        @DefaultValue @Valid @NotNull Validity validity,
        @DefaultValue("2.25.57984055164416147830094799554824761587.2.1")
        @Pattern(regexp = "[0-2](\\.\\d+)+", message = "must be a dotted OID") String tsaPolicy,
        @DefaultValue @Valid @NotNull Est est) {

    /**
     * Validity periods (ISO-8601 durations), each at least one minute.
     *
     * @param root         the seal root (only when it is first generated)
     * @param system       system certificates, including this node's
     * @param seal         seal certificates
     * @param ocspSigner   the OCSP responder certificate
     * @param tsa          the time-stamping certificate
     * @param crl          CRL nextUpdate - thisUpdate; a new CRL is made when a quarter of it is left
     * @param ocspResponse OCSP nextUpdate - thisUpdate
     */
    public record Validity(
            @DefaultValue("P7300D") @NotNull @DurationMin(minutes = 1) Duration root,
            @DefaultValue("P1825D") @NotNull @DurationMin(minutes = 1) Duration system,
            @DefaultValue("P1825D") @NotNull @DurationMin(minutes = 1) Duration seal,
            @DefaultValue("P365D") @NotNull @DurationMin(minutes = 1) Duration ocspSigner,
            @DefaultValue("P1825D") @NotNull @DurationMin(minutes = 1) Duration tsa,
            @DefaultValue("P1D") @NotNull @DurationMin(minutes = 1) Duration crl,
            @DefaultValue("PT1H") @NotNull @DurationMin(minutes = 1) Duration ocspResponse) {
    }

    /**
     * The EST enrolment credential (HTTP Basic; TLS client authentication is terminated at the gateway).
     *
     * @param username user name enrolling clients present
     * @param password their password; enrolment is refused while none is set
     */
    public record Est(@DefaultValue("est") @NotBlank String username, String password) {
        public boolean enabled() {
            return password != null && !password.isBlank();
        }

        @Override
        public String toString() {
            return "Est[username=" + username + ", password=***]";
        }
    }
}
