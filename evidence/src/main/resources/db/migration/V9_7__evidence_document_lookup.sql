-- evidence_document is a lookup from a document's SM3 to the leaves that record it. Nothing relies on a pair being
-- unique (a leaf's documents are indexed once, when it is appended; a repeated pair would only repeat an answer),
-- and checking uniqueness was most of the cost of indexing a batch signing's hundreds of digests: a second search
-- of the index for every row. A plain index serves the lookup.
ALTER TABLE evidence_document DROP CONSTRAINT evidence_document_pk;
CREATE INDEX ix_evidence_document ON evidence_document (document_sm3, leaf_idx);
