package cn.hrss.seal.console.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.nio.charset.StandardCharsets;

/**
 * Language and error handling of the console pages. The node has one {@code messageSource} and one
 * {@code localeResolver}; the console provides both unless the node declares its own, and they behave as Spring
 * Boot's defaults outside {@code /console}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ConsoleErrors.class, ConsoleModel.class})
public class ConsoleWebConfiguration implements WebMvcConfigurer {

    /** The console's texts ({@code console/messages_*.properties}); zh-CN when a language has no bundle. */
    @Bean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    @ConditionalOnMissingBean(name = AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)
    MessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(ConsoleLanguage.BUNDLE);
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(ConsoleLanguage.DEFAULT);
        return messages;
    }

    @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    @ConditionalOnMissingBean(name = DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
    LocaleResolver localeResolver() {
        return new ConsoleLanguage.Resolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new ConsoleLanguage.Switch()).addPathPatterns("/console/**");
    }
}
