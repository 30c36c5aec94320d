package cn.hrss.seal.application.report;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The PDF report renderer and its font. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    /**
     * Bound here rather than through {@code @EnableConfigurationProperties}, which is not applied to configuration
     * classes found by the seal application's component scan in this setup.
     */
    @Bean
    ReportProperties reportProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate(ReportProperties.PREFIX, ReportProperties.class);
    }

    @Bean
    PdfReportRenderer pdfReportRenderer(ReportProperties properties) {
        return new PdfReportRenderer(new ReportFont(properties));
    }
}
