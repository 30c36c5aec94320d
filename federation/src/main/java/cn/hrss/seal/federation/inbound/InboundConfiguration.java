package cn.hrss.seal.federation.inbound;

import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.MessageSigner;
import cn.hrss.seal.core.message.MessageVerifier;
import cn.hrss.seal.federation.FederationProperties;
import cn.hrss.seal.federation.api.FederationPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** The verifying filter on {@code /federation/*} and the controller parameter for verified messages. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class InboundConfiguration implements WebMvcConfigurer {
    /** Before the security chain (-100), so even requests it would refuse get signed answers. */
    static final int FILTER_ORDER = -110;

    @Bean
    FilterRegistrationBean<SignedMessageFilter> federationSignedMessageFilter(MessageVerifier verifier,
                                                                              MessageSigner signer,
                                                                              ObjectMapper json,
                                                                              FederationProperties properties) {
        // Requests may carry any kind this codebase defines; endpoints refuse kinds they do not handle.
        SignedMessageFilter filter = new SignedMessageFilter(verifier.accepting(MessageKind.KNOWN), signer, json,
                properties.maxBodySize().toBytes());
        FilterRegistrationBean<SignedMessageFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns(FederationPaths.ROOT_PATTERN);
        registration.setOrder(FILTER_ORDER);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new VerifiedMessageArgumentResolver());
    }
}
