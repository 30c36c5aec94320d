/**
 * Online status sources for verification, as a plain library (no Spring; the command-line client uses it):
 * {@link cn.hrss.seal.application.online.HttpSealStatusSource} asks a node's status system for the signed status of
 * a seal, {@link cn.hrss.seal.application.online.OcspRevocationSource} asks an RFC 6960 responder for a certificate's.
 * Both verify what they are told before believing it and answer INDETERMINATE with a reason when they cannot.
 */
package cn.hrss.seal.application.online;
