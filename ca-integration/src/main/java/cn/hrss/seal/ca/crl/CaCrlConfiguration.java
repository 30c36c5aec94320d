package cn.hrss.seal.ca.crl;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.device.CipherDevice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** CRL publishing and download. */
@Configuration(proxyBeanMethods = false)
@Import(CrlController.class)
public class CaCrlConfiguration {

    @Bean
    CrlPublisher caCrlPublisher(CipherDevice device, CaIdentities identities, CertificateStore store, Clock clock,
                                CaProperties properties) {
        return new CrlPublisher(device, identities, store, clock, properties.validity().crl());
    }
}
