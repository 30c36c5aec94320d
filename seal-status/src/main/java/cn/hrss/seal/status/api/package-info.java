/**
 * What other modules may use of seal-status: {@link cn.hrss.seal.status.api.SealStatusService} and the
 * {@link cn.hrss.seal.status.api.SealStatusChanged} event.
 */
package cn.hrss.seal.status.api;
