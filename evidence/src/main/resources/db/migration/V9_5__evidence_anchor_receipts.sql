-- Chain anchoring and receipts (docs/EVIDENCE.md).
-- The witness's certificate chain (base64 DER, comma separated, node certificate first) goes into receipts.
ALTER TABLE evidence_cosignature ADD COLUMN witness_chain TEXT;
-- Checkpoints written to the ledger: one row per anchored tree size.
CREATE TABLE evidence_anchor (
    tree_size         BIGINT       PRIMARY KEY,
    ledger            VARCHAR(64)  NOT NULL,
    contract_address  VARCHAR(128) NOT NULL,
    transaction_hash  VARCHAR(128) NOT NULL,
    block_number      BIGINT       NOT NULL,
    block_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    checkpoint_sm3    CHAR(64)     NOT NULL,
    anchored_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Every attempt, kept for the operator view: failures carry the anchor's stable code.
CREATE TABLE evidence_anchor_attempt (
    id            VARCHAR(36)  PRIMARY KEY,
    tree_size     BIGINT       NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(16)  NOT NULL,
    code          VARCHAR(64),
    detail        VARCHAR(500)
);
CREATE INDEX ix_evidence_anchor_attempt_at ON evidence_anchor_attempt (attempted_at);
-- Which leaf records a document: the SM3 of each document signed and of each signed result (lookup for receipts).
CREATE TABLE evidence_document (
    document_sm3  CHAR(64)  NOT NULL,
    leaf_idx      BIGINT    NOT NULL,
    CONSTRAINT evidence_document_pk PRIMARY KEY (document_sm3, leaf_idx)
);
