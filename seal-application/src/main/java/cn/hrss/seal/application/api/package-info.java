/** What other modules use of seal application: the {@link cn.hrss.seal.application.api.DocumentsSigned} event. */
@org.springframework.modulith.NamedInterface("api")
package cn.hrss.seal.application.api;
