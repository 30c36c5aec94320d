package cn.hrss.seal.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Makes {@code seal.data-dir} absolute before anything resolves {@code ${seal.data-dir}}: H2 refuses implicitly
 * relative file paths, and log lines should name the real directory.
 */
class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {
    static final String PROPERTY = "seal.data-dir";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(PROPERTY);
        if (dir != null && !dir.isBlank()) {
            String absolute = Path.of(dir).toAbsolutePath().normalize().toString();
            environment.getPropertySources().addFirst(new MapPropertySource("sealDataDirectory",
                    Map.of(PROPERTY, absolute)));
        }
    }

    /** After the config data (application.yml, command line) has been loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
