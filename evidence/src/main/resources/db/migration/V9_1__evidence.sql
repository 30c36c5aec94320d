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
-- Witnessing (docs/EVIDENCE.md): cosignatures this node's parent gave, and what this node witnessed of its children.
CREATE TABLE evidence_cosignature (
    tree_size   BIGINT       NOT NULL,
    witness     CHAR(64)     NOT NULL,
    signature   VARCHAR(200) NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT evidence_cosignature_pk PRIMARY KEY (tree_size, witness)
);
CREATE TABLE evidence_witnessed (
    log_id      CHAR(64)     PRIMARY KEY,
    tree_size   BIGINT       NOT NULL,
    root_hash   CHAR(64)     NOT NULL,
    witnessed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE evidence_witness_alarm (
    id          VARCHAR(36)  PRIMARY KEY,
    log_id      CHAR(64)     NOT NULL,
    code        VARCHAR(64)  NOT NULL,
    detail      VARCHAR(500) NOT NULL,
    raised_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
