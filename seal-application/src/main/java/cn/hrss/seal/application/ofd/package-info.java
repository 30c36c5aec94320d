/**
 * OFD (GB/T 33190) seal signatures with GB/T 38540 SES_Signature: {@link cn.hrss.seal.application.ofd.OfdSigner}
 * (three steps, ContinueSign, placements by coordinates, keyword or riding seal) and
 * {@link cn.hrss.seal.application.ofd.OfdVerifier} (offline, into the shared verification report). The package is
 * written with the JDK's ZIP and DOM, without ofdrw: see docs/OFD-SIGNATURES.md.
 */
package cn.hrss.seal.application.ofd;
