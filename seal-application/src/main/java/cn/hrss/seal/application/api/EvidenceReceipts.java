package cn.hrss.seal.application.api;

import java.util.Optional;

/**
 * Where verification on the node finds evidence receipts by itself: the node's evidence log, looked up by the SM3 of
 * a document or of a signed revision (implemented by the evidence module; docs/EVIDENCE.md "Receipt").
 */
@FunctionalInterface
public interface EvidenceReceipts {

    /** The receipt (hrss-seal-evidence-receipt/1 JSON) of the newest leaf recording that document, if checkpointed. */
    Optional<byte[]> forDocument(String documentSm3);
}
