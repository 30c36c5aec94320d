-- Evidence log at scale (docs/EVIDENCE.md): the hash of every complete subtree of level >= 1, written with the append
-- that closes it. Node (level L, idx i) covers leaves [i*2^L, (i+1)*2^L); level 0 is evidence_leaf.leaf_hash. Roots
-- and proofs of any tree size read O(log n) of these rows. Never updated or deleted. A log that had leaves before
-- this table is completed at start-up (LeafStore.completeNodes).
CREATE TABLE evidence_node (
    level  SMALLINT  NOT NULL,
    idx    BIGINT    NOT NULL,
    hash   CHAR(64)  NOT NULL,
    CONSTRAINT evidence_node_pk PRIMARY KEY (level, idx)
);
