package cn.hrss.seal.ca.tsa;

import cn.hrss.seal.ca.CaProperties;
import cn.hrss.seal.ca.authority.CaIdentities;
import cn.hrss.seal.ca.authority.SerialNumbers;
import cn.hrss.seal.core.device.CipherDevice;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/** The time-stamp authority. */
@Configuration(proxyBeanMethods = false)
@Import(TsaController.class)
public class CaTsaConfiguration {

    @Bean
    TimeStampAuthority caTimeStampAuthority(CipherDevice device, CaIdentities identities, SerialNumbers serials,
                                            Clock clock, CaProperties properties) {
        return new TimeStampAuthority(device, identities, serials, clock,
                new ASN1ObjectIdentifier(properties.tsaPolicy()));
    }
}
