package cn.hrss.seal.application.report;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The PDF report renderer and its font. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    @Bean
    ReportProperties reportProperties(Environment environment) {
        return ReportProperties.bind(environment);
    }

    @Bean
    PdfReportRenderer pdfReportRenderer(ReportProperties properties) {
        return new PdfReportRenderer(new ReportFont(properties));
    }
}
