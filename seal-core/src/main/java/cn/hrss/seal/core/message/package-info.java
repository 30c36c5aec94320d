/**
 * Signed inter-node messages (issue 6, DESIGN section 5): every request and response between nodes carries an
 * SM2 signature, made with the sender's system key, over a canonical signature base (RFC 9421 style) that covers
 * method, target, the {@code Seal-*} headers and the SM3 digest of the exact body bytes. The format is specified in
 * docs/FEDERATION-PROTOCOL.md; this package has no web dependency so any transport can use it.
 */
package cn.hrss.seal.core.message;
