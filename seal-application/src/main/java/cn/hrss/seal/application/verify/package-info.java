/**
 * The format-neutral verification model (EU DSS style): {@link cn.hrss.seal.application.verify.VerificationReport}
 * of {@link cn.hrss.seal.application.verify.SignatureReport}s of
 * {@link cn.hrss.seal.application.verify.CheckResult}s with a tri-state
 * {@link cn.hrss.seal.application.verify.Verdict}, and the checks every format shares, so that PDF and OFD follow one
 * verdict policy: CMS signer info with SM2 (PKCS#7 and GM/T 0010 OIDs) and, through
 * {@link cn.hrss.seal.application.verify.SignatureChecks}, RFC 3161 / GB/T 20520 time stamps, the signer certificate
 * path, validity and revocation (interface only) at the {@link cn.hrss.seal.application.verify.SigningTime}, and the
 * GB/T 38540 seal.
 */
package cn.hrss.seal.application.verify;
