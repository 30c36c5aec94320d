/** What other modules use of the evidence log: {@link cn.hrss.seal.evidence.api.EvidenceLog}. */
@org.springframework.modulith.NamedInterface("api")
package cn.hrss.seal.evidence.api;
