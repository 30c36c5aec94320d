package cn.hrss.seal.servicemgmt.parent;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.servicemgmt.NodeRegionProperties;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.api.ApplicantSigner;
import java.net.http.HttpClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The application is signed with the node's system key, the key its federation messages carry. */
@Configuration(proxyBeanMethods = false)
public class ParentRegistrationsConfiguration {

    @Bean
    ParentRegistrations parentRegistrations(CipherDevice device, CertificateAuthority ca, MessageVerifier verifier,
                                            ServiceMgmtProperties properties, NodeRegionProperties node,
                                            JdbcTemplate jdbc, ObjectProvider<Clock> clocks) {
        Clock clock = clocks.getIfUnique(Clock::systemUTC);
        return new ParentRegistrations(new ApplicantSigner(device, ca.nodeKey(), clock), verifier, properties, node,
                new ParentRegistrationStore(jdbc), HttpClient.newBuilder().connectTimeout(properties.parent().timeout())
                .build(), clock);
    }

    @Bean
    ParentRegistrationController parentRegistrationController(ParentRegistrations registrations) {
        return new ParentRegistrationController(registrations);
    }
}
