-- The document index as sorted runs (DocumentIndex, KeyRuns): each fill writes the lookup keys of the leaves since
-- the last fill as one run of level 0, sorted, in pages of 120 (key, leaf) entries of 16 bytes (under PostgreSQL's
-- TOAST threshold, so stored in line); eight runs of a level are merged into one of the next. A page is keyed by
-- its last key and no key spans two pages, so one primary-key lookup per run finds a key. Filled into the B-tree of
-- V9_7, each random key of a large index read and rewrote a page of the embedded database (docs/PERFORMANCE.md
-- section 3). The rows of evidence_document_key stay and are still read; no new ones are written.
CREATE TABLE evidence_key_run (
    run_id      BIGINT   PRIMARY KEY,
    level       INTEGER  NOT NULL,
    first_leaf  BIGINT   NOT NULL,
    end_leaf    BIGINT   NOT NULL,
    entries     BIGINT   NOT NULL
);
CREATE TABLE evidence_key_page (
    run_id    BIGINT  NOT NULL,
    last_key  BIGINT  NOT NULL,
    entries   BYTEA   NOT NULL,
    CONSTRAINT evidence_key_page_pk PRIMARY KEY (run_id, last_key)
);
-- moved on by every merge, so that a lookup that listed the runs before it reads them again
ALTER TABLE evidence_index_head ADD COLUMN generation BIGINT DEFAULT 0 NOT NULL;
