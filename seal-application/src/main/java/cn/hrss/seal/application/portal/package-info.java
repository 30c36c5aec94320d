/**
 * The public verification portal at {@code /verify}: a citizen uploads a sealed PDF or OFD and reads the
 * verification report (seals, makers, signing and time-stamp times, each check in plain words, the seal picture),
 * in Chinese or, with {@code ?lang=en}, English. Uses
 * {@link cn.hrss.seal.application.verification.DocumentVerification}
 * and the published {@link cn.hrss.seal.application.report.ReportView}. See docs/PORTAL.md.
 */
package cn.hrss.seal.application.portal;
