-- Audit chain (docs/AUDIT.md). Valid on PostgreSQL and on H2 in PostgreSQL mode.

-- The chain head: one row, locked FOR UPDATE by every append so appends are serialised across nodes.
CREATE TABLE audit_head (
    id        SMALLINT    NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash CHAR(64)    NOT NULL,
    CONSTRAINT audit_head_single CHECK (id = 1)
);
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_record (
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    actor       VARCHAR(128)             NOT NULL,
    action      VARCHAR(64)              NOT NULL,
    target      VARCHAR(256)             NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    details     VARCHAR(8000)            NOT NULL,
    prev_hash   CHAR(64)                 NOT NULL,
    record_hash CHAR(64)                 NOT NULL
);
CREATE INDEX audit_record_time ON audit_record (recorded_at);
CREATE INDEX audit_record_actor ON audit_record (actor, recorded_at);
CREATE INDEX audit_record_action ON audit_record (action, recorded_at);

CREATE TABLE audit_checkpoint (
    seq         BIGINT                   NOT NULL PRIMARY KEY,
    record_hash CHAR(64)                 NOT NULL,
    signed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    key_id      CHAR(64)                 NOT NULL,
    signature   VARCHAR(200)             NOT NULL
);
