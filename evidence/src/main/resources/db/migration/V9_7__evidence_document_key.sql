-- Which leaves record a document, for leaves appended from this version on: keyed by the first 8 bytes of the
-- document's SM3 as a BIGINT instead of the 64 hex digits, in a plain (not unique) index. A batch signing indexes
-- hundreds of digests per call; with CHAR(64) keys and a uniqueness check the index outgrew the embedded database's
-- page cache and each insert read pages back from disk (docs/PERFORMANCE.md section 3). Two documents sharing a key
-- are told apart by the leaves themselves, which name the full SM3. Rows written before stay in evidence_document
-- and are still read.
CREATE TABLE evidence_document_key (
    document_key  BIGINT  NOT NULL,
    leaf_idx      BIGINT  NOT NULL
);
CREATE INDEX ix_evidence_document_key ON evidence_document_key (document_key, leaf_idx);
