package cn.hrss.seal.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The edge gateway in front of one seal node. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SealGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(SealGatewayApplication.class, args);
    }
}
