package cn.hrss.seal.application.report;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PDF report renderer and its font. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReportProperties.class)
public class ReportConfiguration {

    @Bean
    PdfReportRenderer pdfReportRenderer(ReportProperties properties) {
        return new PdfReportRenderer(new ReportFont(properties));
    }
}
