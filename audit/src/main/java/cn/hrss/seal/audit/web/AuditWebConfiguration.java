package cn.hrss.seal.audit.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Registers the audit administrator endpoints; imported by the auto-configuration in servlet applications. */
@Configuration(proxyBeanMethods = false)
@Import(AuditController.class)
public class AuditWebConfiguration {
}
