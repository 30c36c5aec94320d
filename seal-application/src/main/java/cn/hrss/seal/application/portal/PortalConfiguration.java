package cn.hrss.seal.application.portal;

import cn.hrss.seal.accounts.api.PublicPaths;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.Ordered;

/** The public verification portal: public paths, its own texts and the upload limit in front of multipart parsing. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PortalProperties.class)
public class PortalConfiguration {

    /** Citizens verify without an account; the page's stylesheet is public too. */
    @Bean
    PublicPaths portalPublicPaths() {
        return PublicPaths.of("portal", PortalController.PATH, PortalController.PATH + "/**", "/portal/**");
    }

    /** The portal's own texts: not the global message source, which other modules (console) configure. */
    @Bean
    PortalTexts portalTexts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("portal/messages");
        messages.setDefaultEncoding("UTF-8");
        // the base bundle is Chinese: the server's locale must not pick another default
        messages.setFallbackToSystemLocale(false);
        return new PortalTexts(messages);
    }

    /** Before every other filter: nothing may parse an oversized multipart body before the limit is checked. */
    @Bean
    FilterRegistrationBean<PortalUploadLimit> portalUploadLimitFilter(PortalProperties properties) {
        FilterRegistrationBean<PortalUploadLimit> registration =
                new FilterRegistrationBean<>(new PortalUploadLimit(properties.maxUploadSize().toBytes()));
        registration.addUrlPatterns(PortalController.PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
