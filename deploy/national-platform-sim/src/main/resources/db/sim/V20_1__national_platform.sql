-- What the simulated national platform holds: seals it coded, their filings and their status as synchronised.
CREATE TABLE sim_seal (
    es_id                   VARCHAR(64)  PRIMARY KEY,
    request_id              VARCHAR(64)  NOT NULL,
    requester_signer        CHAR(64)     NOT NULL,
    seal_id                 VARCHAR(64)  NOT NULL,
    requester_region        CHAR(6)      NOT NULL,
    unit_credit_code        VARCHAR(18)  NOT NULL,
    unit_region_code        CHAR(6)      NOT NULL,
    public_security_key_id  VARCHAR(64)  NOT NULL,
    assigned_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    filed_at                TIMESTAMP WITH TIME ZONE,
    ses_seal_sm3            CHAR(64),
    CONSTRAINT uq_sim_seal_request UNIQUE (requester_signer, request_id)
);
CREATE TABLE sim_code_counter (
    prefix  VARCHAR(16) PRIMARY KEY,
    next    BIGINT      NOT NULL
);
CREATE TABLE sim_status (
    es_id    VARCHAR(64)  NOT NULL,
    version  BIGINT       NOT NULL,
    status   VARCHAR(16)  NOT NULL,
    since    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason   VARCHAR(500),
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT sim_status_pk PRIMARY KEY (es_id, version)
);
