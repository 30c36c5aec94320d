package cn.hrss.seal.audit.chain;

import java.time.Instant;

/**
 * A signed statement "the chain up to {@code seq} ends in {@code recordHash}", made by the audit key.
 *
 * @param keyId     hex SM3 of the signing public key (see {@link ChainCodec#keyId})
 * @param signature hex DER SM2 signature over {@link ChainCodec#checkpointBytes}
 */
public record Checkpoint(long seq, String recordHash, Instant signedAt, String keyId, String signature) {
}
