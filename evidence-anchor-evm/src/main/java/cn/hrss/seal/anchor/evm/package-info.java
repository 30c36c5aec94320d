/**
 * {@link cn.hrss.seal.core.anchor.EvidenceAnchor} on an EVM-compatible consortium chain (docs/EVIDENCE.md, "Chain
 * anchoring"): checkpoint roots go to the EvidenceAnchorRegistry contract through web3j JSON-RPC, signed by the node's
 * chain account, whose secp256k1 key is kept SM4-wrapped under a cipher-device key.
 */
package cn.hrss.seal.anchor.evm;
