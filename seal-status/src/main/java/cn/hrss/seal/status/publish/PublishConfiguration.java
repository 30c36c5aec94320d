package cn.hrss.seal.status.publish;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.status.SealStatusProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signer of status answers and revocation lists, and the endpoint that publishes its public key. */
@Configuration(proxyBeanMethods = false)
public class PublishConfiguration {

    @Bean
    StatusSigner sealStatusSigner(CipherDevice device, SealStatusProperties properties) {
        return new StatusSigner(device, properties.signer().keyLabel(), properties.signer().generateIfMissing());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    SignerController sealStatusSignerController(StatusSigner signer) {
        return new SignerController(signer);
    }
}
