/**
 * Verification as the node offers it: {@link cn.hrss.seal.application.verification.DocumentVerification} over the
 * node CA's root and configured roots, seal status from the node's ledger and certificate status from its CA (other
 * CAs by OCSP), and the public {@code POST /api/v1/verify} answering JSON or PDF reports. See docs/VERIFICATION.md.
 */
package cn.hrss.seal.application.verification;
