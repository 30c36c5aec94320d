-- Seal making (module seal-making, Flyway versions 5.x). Valid on PostgreSQL and H2 in PostgreSQL mode.

CREATE TABLE making_application (
    id                      VARCHAR(36)  PRIMARY KEY,
    status                  VARCHAR(16)  NOT NULL,
    kind                    VARCHAR(16)  NOT NULL,
    predecessor_seal_id     VARCHAR(36),
    applicant               VARCHAR(64)  NOT NULL,
    unit_credit_code        VARCHAR(18)  NOT NULL,
    unit_region_code        VARCHAR(6)   NOT NULL,
    unit_type               VARCHAR(32)  NOT NULL,
    unit_name               VARCHAR(200) NOT NULL,
    unit_address            VARCHAR(300) NOT NULL,
    agent_name              VARCHAR(64)  NOT NULL,
    -- personal data: SM4 ciphertext under a device key, plus the masked form for lists and logs
    agent_id_number_enc     BYTEA        NOT NULL,
    agent_id_number_masked  VARCHAR(32)  NOT NULL,
    agent_phone_enc         BYTEA        NOT NULL,
    agent_phone_masked      VARCHAR(32)  NOT NULL,
    approver_unit_name      VARCHAR(200) NOT NULL,
    approver_region_code    VARCHAR(6)   NOT NULL,
    seal_name               VARCHAR(100) NOT NULL,
    seal_type               VARCHAR(2)   NOT NULL,
    scope                   VARCHAR(16)  NOT NULL,
    validity_days           INTEGER      NOT NULL CHECK (validity_days > 0),
    picture                 BYTEA,
    delivery                VARCHAR(8)   NOT NULL,
    holder_public_key       BYTEA,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT making_application_status_ck CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'MADE')),
    CONSTRAINT making_application_scope_ck CHECK (scope IN ('INDUSTRY', 'CROSS_INDUSTRY')),
    CONSTRAINT making_application_delivery_ck CHECK (
        (delivery = 'SERVER' AND holder_public_key IS NULL) OR (delivery = 'USBKEY' AND holder_public_key IS NOT NULL))
);
CREATE INDEX making_application_status_ix ON making_application (status, created_at);

CREATE TABLE making_review (
    id              VARCHAR(36)   PRIMARY KEY,
    application_id  VARCHAR(36)   NOT NULL REFERENCES making_application (id),
    decision        VARCHAR(8)    NOT NULL CHECK (decision IN ('APPROVE', 'REJECT')),
    opinion         VARCHAR(1000) NOT NULL,
    reviewer        VARCHAR(64)   NOT NULL,
    reviewed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    signed_content  BYTEA         NOT NULL,
    signature       BYTEA         NOT NULL,
    signer_key      VARCHAR(200)  NOT NULL,
    CONSTRAINT making_review_once_uq UNIQUE (application_id)
);

CREATE TABLE making_seal (
    id                       VARCHAR(36)  PRIMARY KEY,
    -- NULL while a cross-industry seal awaits its national code; unique once assigned
    es_id                    VARCHAR(64),
    application_id           VARCHAR(36)  NOT NULL REFERENCES making_application (id),
    status                   VARCHAR(24)  NOT NULL,
    scope                    VARCHAR(16)  NOT NULL,
    unit_credit_code         VARCHAR(18)  NOT NULL,
    unit_region_code         VARCHAR(6)   NOT NULL,
    unit_name                VARCHAR(200) NOT NULL,
    seal_name                VARCHAR(100) NOT NULL,
    seal_type                VARCHAR(2)   NOT NULL,
    delivery                 VARCHAR(8)   NOT NULL,
    key_index                INTEGER,
    key_label                VARCHAR(200),
    public_key               BYTEA        NOT NULL,
    -- certificate and SES_Seal carry the esID, so a seal awaiting its national code has neither yet
    certificate              BYTEA,
    certificate_serial       VARCHAR(64),
    ses_seal                 BYTEA,
    picture                  BYTEA        NOT NULL,
    key_envelope             BYTEA,
    valid_from               TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_to                 TIMESTAMP WITH TIME ZONE NOT NULL,
    predecessor_id           VARCHAR(36),
    successor_id             VARCHAR(36),
    made_by                  VARCHAR(64)  NOT NULL,
    made_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    reminded_at              TIMESTAMP WITH TIME ZONE,
    last_renewal_request_at  TIMESTAMP WITH TIME ZONE,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT making_seal_es_id_uq UNIQUE (es_id),
    CONSTRAINT making_seal_application_uq UNIQUE (application_id),
    CONSTRAINT making_seal_status_ck CHECK (status IN ('AWAITING_NATIONAL_CODE', 'VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED')),
    CONSTRAINT making_seal_code_ck CHECK ((status = 'AWAITING_NATIONAL_CODE') = (es_id IS NULL)),
    CONSTRAINT making_seal_issued_ck CHECK (
        (es_id IS NULL AND certificate IS NULL AND ses_seal IS NULL)
        OR (es_id IS NOT NULL AND certificate IS NOT NULL AND certificate_serial IS NOT NULL AND ses_seal IS NOT NULL)),
    -- a seal key is either in the node's device or exported to the holder, never both
    CONSTRAINT making_seal_key_ck CHECK (
        (delivery = 'SERVER' AND key_label IS NOT NULL AND key_envelope IS NULL)
        OR (delivery = 'USBKEY' AND key_label IS NULL AND key_envelope IS NOT NULL))
);
CREATE INDEX making_seal_expiry_ix ON making_seal (status, valid_to);

CREATE TABLE making_seal_event (
    id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    seal_id      VARCHAR(36)   NOT NULL REFERENCES making_seal (id),
    action       VARCHAR(32)   NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    reason       VARCHAR(1000),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    detail       VARCHAR(1000)
);
CREATE INDEX making_seal_event_seal_ix ON making_seal_event (seal_id, id);

-- Serial counters of industry esIDs, one row per region code + year (see docs/SEAL-LIFECYCLE.md).
CREATE TABLE making_es_id_counter (
    partition_key  VARCHAR(16) PRIMARY KEY,
    last_serial    BIGINT      NOT NULL
);
