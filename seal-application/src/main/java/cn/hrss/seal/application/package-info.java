/**
 * Seal application: signing documents and data with a seal (PDF, OFD, detached SES_Signature) and verifying them.
 * Signing follows the three steps used everywhere in the system: data to be signed, the cipher device signs the
 * digest, the structure is assembled.
 */
package cn.hrss.seal.application;
