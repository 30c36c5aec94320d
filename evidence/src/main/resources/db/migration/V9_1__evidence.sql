-- Evidence log (docs/EVIDENCE.md): append-only leaves and signed checkpoints of the SM3 Merkle tree over them.
CREATE TABLE evidence_leaf (
    idx          BIGINT       PRIMARY KEY,
    leaf_hash    CHAR(64)     NOT NULL,
    leaf         BYTEA        NOT NULL,
    appended_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_evidence_leaf_hash ON evidence_leaf (leaf_hash);
-- one row: serialises appends so indexes have no gaps
CREATE TABLE evidence_head (
    id    INTEGER PRIMARY KEY,
    size  BIGINT  NOT NULL
);
INSERT INTO evidence_head (id, size) VALUES (1, 0);
CREATE TABLE evidence_checkpoint (
    tree_size   BIGINT       PRIMARY KEY,
    root_hash   CHAR(64)     NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    body        TEXT         NOT NULL,
    signature   VARCHAR(200) NOT NULL,
    signer      CHAR(64)     NOT NULL
);
