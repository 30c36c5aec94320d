/**
 * The format-neutral verification model (EU DSS style): {@link cn.hrss.seal.application.verify.VerificationReport}
 * of {@link cn.hrss.seal.application.verify.SignatureReport}s of
 * {@link cn.hrss.seal.application.verify.CheckResult}s with a tri-state
 * {@link cn.hrss.seal.application.verify.Verdict}, and the checks every format shares: CMS signer info with SM2
 * (PKCS#7 and GM/T 0010 OIDs), certificate path and validity, RFC 3161 time stamps, revocation (interface only).
 */
package cn.hrss.seal.application.verify;
