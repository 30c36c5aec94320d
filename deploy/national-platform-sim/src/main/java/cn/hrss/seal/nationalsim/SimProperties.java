package cn.hrss.seal.nationalsim;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sim.*}.
 *
 * @param dataDir             key store, generated secrets, certificate and the H2 database
 * @param trustedCertificates PEM files of the system certificates allowed to call the platform (the ministry's)
 */
@Validated
@ConfigurationProperties("sim")
record SimProperties(@NotNull @DefaultValue("./sim-data") Path dataDir,
                     @NotNull @DefaultValue({}) List<Path> trustedCertificates) {
}
