-- Multi-party contracts (module contract, Flyway versions 10.x; docs/CONTRACTS.md). PostgreSQL and H2 in its
-- PostgreSQL mode.

-- Institutions that sign contracts; deregistered ones keep their rows so their archive stays readable by others.
CREATE TABLE contract_institution (
    id              VARCHAR(36)  PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    credit_code     CHAR(18)     NOT NULL,
    contact_email   VARCHAR(254) NOT NULL,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'DEREGISTERED')),
    registered_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    deregistered_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT contract_institution_code_uk UNIQUE (credit_code)
);

-- Which institution an account user (accounts username) acts for: one institution per user.
CREATE TABLE contract_member (
    username        VARCHAR(64)  PRIMARY KEY,
    institution_id  VARCHAR(36)  NOT NULL REFERENCES contract_institution (id),
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE contract (
    id                  VARCHAR(36)  PRIMARY KEY,
    title               VARCHAR(200) NOT NULL,
    kind                VARCHAR(8)   NOT NULL CHECK (kind IN ('PDF', 'OFD')),
    signing_order       VARCHAR(16)  NOT NULL CHECK (signing_order IN ('SEQUENTIAL', 'PARALLEL')),
    status              VARCHAR(16)  NOT NULL
        CHECK (status IN ('IN_PROGRESS', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'ARCHIVED')),
    initiator_id        VARCHAR(36)  NOT NULL REFERENCES contract_institution (id),
    initiator_user      VARCHAR(64)  NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline            TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    close_reason        VARCHAR(500),
    current_version     INTEGER      NOT NULL,
    -- hex, random per contract: evidence leaves carry SM3(salt || identifier) instead of identifiers
    evidence_salt       CHAR(32)     NOT NULL
);
CREATE INDEX contract_initiator_ix ON contract (initiator_id, created_at);

-- Every version of the document: 0 as uploaded, then one per signing party.
CREATE TABLE contract_version (
    contract_id      VARCHAR(36)  NOT NULL REFERENCES contract (id),
    version          INTEGER      NOT NULL CHECK (version >= 0),
    content          BYTEA        NOT NULL,
    content_sm3      CHAR(64)     NOT NULL,
    sign_request_id  VARCHAR(36),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, version)
);

CREATE TABLE contract_party (
    contract_id      VARCHAR(36)  NOT NULL REFERENCES contract (id),
    position         INTEGER      NOT NULL CHECK (position >= 0),
    institution_id   VARCHAR(36)  NOT NULL REFERENCES contract_institution (id),
    es_id            VARCHAR(64)  NOT NULL,
    notify_email     VARCHAR(254) NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('WAITING', 'INVITED', 'SIGNING', 'SIGNED', 'REJECTED')),
    -- SM3 of the mailed link token (never the token); NULL until invited
    link_sm3         CHAR(64),
    invited_at       TIMESTAMP WITH TIME ZONE,
    sign_request_id  VARCHAR(36),
    base_version     INTEGER,
    signed_at        TIMESTAMP WITH TIME ZONE,
    reject_reason    VARCHAR(500),
    PRIMARY KEY (contract_id, position),
    CONSTRAINT contract_party_institution_uk UNIQUE (contract_id, institution_id)
);
CREATE UNIQUE INDEX contract_party_link_ix ON contract_party (link_sm3);
CREATE INDEX contract_party_institution_ix ON contract_party (institution_id);
CREATE INDEX contract_party_request_ix ON contract_party (sign_request_id);

-- Views, link openings and downloads per contract and institution.
CREATE TABLE contract_read (
    contract_id     VARCHAR(36)  NOT NULL REFERENCES contract (id),
    institution_id  VARCHAR(36)  NOT NULL REFERENCES contract_institution (id),
    reads           INTEGER      NOT NULL,
    last_read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (contract_id, institution_id)
);

-- In-site messages to an institution's users.
CREATE TABLE contract_message (
    id              VARCHAR(36)  PRIMARY KEY,
    institution_id  VARCHAR(36)  NOT NULL REFERENCES contract_institution (id),
    contract_id     VARCHAR(36)  NOT NULL REFERENCES contract (id),
    kind            VARCHAR(16)  NOT NULL,
    body            VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contract_message_institution_ix ON contract_message (institution_id, created_at);

-- The contract's events as appended to the evidence log (leaf_index NULL when the node has no evidence log).
CREATE TABLE contract_event (
    id              VARCHAR(36)  PRIMARY KEY,
    contract_id     VARCHAR(36)  NOT NULL REFERENCES contract (id),
    event           VARCHAR(16)  NOT NULL,
    party_position  INTEGER,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    leaf            VARCHAR(2000) NOT NULL,
    leaf_hash       CHAR(64)     NOT NULL,
    leaf_index      BIGINT
);
CREATE INDEX contract_event_contract_ix ON contract_event (contract_id, occurred_at);
