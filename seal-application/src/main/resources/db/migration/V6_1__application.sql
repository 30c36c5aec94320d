-- Seal application (module seal-application, Flyway versions 6.x). Valid on PostgreSQL and H2 in PostgreSQL mode.

-- Standing authorisations: a business administrator lets one API client sign with one seal for listed purposes.
CREATE TABLE application_authorisation (
    id                VARCHAR(36)   PRIMARY KEY,
    client_id         VARCHAR(64)   NOT NULL,
    es_id             VARCHAR(64)   NOT NULL,
    -- purposes, one per line, as granted
    purposes          VARCHAR(4000) NOT NULL,
    valid_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    daily_limit       INTEGER CHECK (daily_limit IS NULL OR daily_limit > 0),
    granted_by        VARCHAR(64)   NOT NULL,
    granted_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the grant as signed by the granting administrator's key (canonical text, base64 DER signature, hex key)
    grant_record      VARCHAR(4000) NOT NULL,
    grant_signature   VARCHAR(200)  NOT NULL,
    grant_public_key  VARCHAR(200)  NOT NULL,
    revoked_at        TIMESTAMP WITH TIME ZONE,
    revoked_by        VARCHAR(64)
);
CREATE INDEX application_authorisation_client_ix ON application_authorisation (client_id, es_id);

-- Signings counted against a daily limit, per authorisation and business day (Asia/Shanghai).
CREATE TABLE application_daily_usage (
    authorisation_id  VARCHAR(36) NOT NULL REFERENCES application_authorisation (id),
    usage_day         DATE        NOT NULL,
    used              INTEGER     NOT NULL CHECK (used >= 0),
    PRIMARY KEY (authorisation_id, usage_day)
);

-- Reviewed use: a seal operator's request to sign documents with a seal, reviewed, then signed by the applicant.
CREATE TABLE application_sign_request (
    id                 VARCHAR(36)   PRIMARY KEY,
    es_id              VARCHAR(64)   NOT NULL,
    seal_name          VARCHAR(100)  NOT NULL,
    purpose            VARCHAR(500)  NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    applicant          VARCHAR(64)   NOT NULL,
    requested_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    request_record     VARCHAR(8000) NOT NULL,
    request_signature  VARCHAR(200)  NOT NULL,
    request_public_key VARCHAR(200)  NOT NULL,
    reviewer           VARCHAR(64),
    reviewed_at        TIMESTAMP WITH TIME ZONE,
    opinion            VARCHAR(1000),
    review_record      VARCHAR(8000),
    review_signature   VARCHAR(200),
    review_public_key  VARCHAR(200),
    signed_at          TIMESTAMP WITH TIME ZONE,
    sign_record        VARCHAR(8000),
    sign_signature     VARCHAR(200),
    sign_public_key    VARCHAR(200),
    CONSTRAINT application_sign_request_status_ck
        CHECK (status IN ('SUBMITTED', 'APPROVED', 'REJECTED', 'SIGNED')),
    CONSTRAINT application_sign_request_review_ck
        CHECK ((status = 'SUBMITTED') = (reviewer IS NULL)),
    CONSTRAINT application_sign_request_signed_ck
        CHECK ((status = 'SIGNED') = (signed_at IS NOT NULL))
);
CREATE INDEX application_sign_request_status_ix ON application_sign_request (status, requested_at);
CREATE INDEX application_sign_request_applicant_ix ON application_sign_request (applicant, requested_at);

CREATE TABLE application_sign_document (
    request_id      VARCHAR(36)  NOT NULL REFERENCES application_sign_request (id),
    position        INTEGER      NOT NULL CHECK (position >= 0),
    name            VARCHAR(200) NOT NULL,
    kind            VARCHAR(8)   NOT NULL CHECK (kind IN ('PDF', 'OFD', 'DATA')),
    placement       VARCHAR(300),
    content         BYTEA        NOT NULL,
    content_sm3     VARCHAR(64)  NOT NULL,
    signed_content  BYTEA,
    signed_sm3      VARCHAR(64),
    PRIMARY KEY (request_id, position)
);
