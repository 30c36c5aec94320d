package cn.hrss.seal.nationalsim;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** {@code java -jar national-platform-sim.jar [--server.port=N] [--sim.data-dir=DIR] [--sim.trusted-certificates=PEM]}. */
@SpringBootApplication
@EnableConfigurationProperties(SimProperties.class)
public class NationalPlatformSimulator {
    public static void main(String[] args) {
        SpringApplication.run(NationalPlatformSimulator.class, args);
    }
}
