package cn.hrss.seal.node;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The seal node: one jar for every tier. Subsystem modules join through their auto-configuration; this module only
 * supplies what they share: node identity, data directory, database and the cipher device.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SealNodeApplication {

    public static void main(String[] args) {
        SpringApplication.run(SealNodeApplication.class, args);
    }
}
