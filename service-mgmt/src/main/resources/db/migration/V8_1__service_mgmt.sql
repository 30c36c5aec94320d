-- Service management (docs/SERVICE-MGMT.md): registrations of lower-tier systems and the published trust lists.
CREATE TABLE service_registration (
    id                     VARCHAR(36)  PRIMARY KEY,
    signer_id              CHAR(64)     NOT NULL,
    message_id             VARCHAR(64)  NOT NULL,
    system_name            VARCHAR(128) NOT NULL,
    organisation           VARCHAR(128) NOT NULL,
    kinds                  VARCHAR(32)  NOT NULL,
    base_url               VARCHAR(512) NOT NULL,
    tier                   VARCHAR(16)  NOT NULL,
    region_code            CHAR(6)      NOT NULL,
    public_key             VARCHAR(130) NOT NULL,
    access_test_document   TEXT         NOT NULL,
    access_test_digest     CHAR(64)     NOT NULL,
    access_test_signature  VARCHAR(200) NOT NULL,
    status                 VARCHAR(16)  NOT NULL,
    opinion                VARCHAR(512),
    reviewed_by            VARCHAR(128),
    applied_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    reviewed_at            TIMESTAMP WITH TIME ZONE,
    certificate_serial     VARCHAR(64),
    certificate            TEXT,
    deregistered_at        TIMESTAMP WITH TIME ZONE,
    -- signer_id while PENDING or APPROVED, NULL otherwise: one live registration per key, portable to H2
    live_signer_id         CHAR(64),
    CONSTRAINT uq_service_registration_message UNIQUE (signer_id, message_id),
    CONSTRAINT uq_service_registration_live UNIQUE (live_signer_id)
);
CREATE INDEX ix_service_registration_signer ON service_registration (signer_id);

-- One row, locked by every publication so that versions are consecutive under concurrent reviews.
CREATE TABLE service_trust_list_head (
    id  SMALLINT PRIMARY KEY
);
INSERT INTO service_trust_list_head (id) VALUES (1);

CREATE TABLE service_trust_list (
    version      BIGINT       PRIMARY KEY,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    signer_id    CHAR(64)     NOT NULL,
    document     TEXT         NOT NULL,
    signature    VARCHAR(200) NOT NULL
);

-- The parent's trust list as last accepted by this (lower) node: rollback protection survives restarts.
CREATE TABLE service_parent_trust_list (
    id           SMALLINT     PRIMARY KEY,
    version      BIGINT       NOT NULL,
    document     TEXT         NOT NULL,
    signature    VARCHAR(200) NOT NULL,
    accepted_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
