/**
 * What other modules use of seal application: the {@link cn.hrss.seal.application.api.DocumentsSigned} event and
 * {@link cn.hrss.seal.application.api.ReviewedSignRequests} to file reviewed sign requests.
 */
@org.springframework.modulith.NamedInterface("api")
package cn.hrss.seal.application.api;
