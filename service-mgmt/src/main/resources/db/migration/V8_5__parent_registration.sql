-- Lower side of registration (docs/SERVICE-MGMT.md section 5): this node's applications to its parent tier.
CREATE TABLE service_parent_registration (
    registration_id  VARCHAR(64)  PRIMARY KEY,
    parent_url       VARCHAR(512) NOT NULL,
    signer_id        CHAR(64)     NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    applied_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    checked_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_answer      VARCHAR(512),
    certificate      TEXT
);
CREATE INDEX ix_service_parent_registration_applied ON service_parent_registration (applied_at);
