package cn.hrss.seal.ca.ocsp;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.persistence.CertificateStore;
import cn.hrss.seal.core.device.CipherDevice;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The OCSP responder. */
@Configuration(proxyBeanMethods = false)
@Import(OcspController.class)
public class CaOcspConfiguration {

    @Bean
    OcspResponder caOcspResponder(CipherDevice device, CaIdentities identities, CertificateStore store, Clock clock,
                                  CaProperties properties) {
        return new OcspResponder(device, identities, store, clock, properties.validity().ocspResponse());
    }
}
