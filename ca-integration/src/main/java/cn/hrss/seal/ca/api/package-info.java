/**
 * What other modules may use of ca-integration: {@link cn.hrss.seal.ca.api.CertificateAuthority}, the request and
 * result records, {@link cn.hrss.seal.ca.api.ExternalCaClient} and the
 * {@link cn.hrss.seal.ca.api.CertificateRevoked} event. Everything else in the module is internal.
 */
@NamedInterface("api")
package cn.hrss.seal.ca.api;

import org.springframework.modulith.NamedInterface;
