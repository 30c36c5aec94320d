/**
 * What other modules may use of seal-status: {@link cn.hrss.seal.status.api.SealStatusService} and the
 * {@link cn.hrss.seal.status.api.SealStatusChanged} event. Everything else in the module is internal.
 */
@NamedInterface("api")
package cn.hrss.seal.status.api;

import org.springframework.modulith.NamedInterface;
