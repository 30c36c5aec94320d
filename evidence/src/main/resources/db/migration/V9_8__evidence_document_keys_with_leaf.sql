-- The lookup keys of the documents a leaf records (8 bytes each: the first 8 bytes of each SM3), written with the
-- leaf. evidence_document_key is filled from them in batches sorted by key, up to indexed_below (DocumentIndex):
-- inserted one signing at a time, the random keys dirtied a page of a large B-tree each (docs/PERFORMANCE.md
-- section 3). Leaves appended before this version were indexed when they were appended.
ALTER TABLE evidence_leaf ADD COLUMN document_keys BYTEA;
CREATE TABLE evidence_index_head (
    id             INTEGER PRIMARY KEY,
    indexed_below  BIGINT  NOT NULL
);
INSERT INTO evidence_index_head (id, indexed_below) SELECT id, size FROM evidence_head WHERE id = 1;
