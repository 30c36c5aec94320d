/**
 * What other modules use from the audit chain: {@link cn.hrss.seal.audit.api.AuditTrail} and its entry and record
 * types. Declared a named interface so Spring Modulith lets other modules depend on it.
 */
@NamedInterface("api")
package cn.hrss.seal.audit.api;

import org.springframework.modulith.NamedInterface;
