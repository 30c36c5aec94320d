/**
 * What every document signer (PDF, OFD) takes as input: {@link cn.hrss.seal.application.sign.SealSigningKey} (seal
 * key in its device, certificate chain, SESeal with its picture) and a
 * {@link cn.hrss.seal.application.sign.TimeStampSource} (RFC 3161, with the HTTP client
 * {@link cn.hrss.seal.application.sign.HttpTimeStampSource}).
 */
package cn.hrss.seal.application.sign;
