-- Embedded CA: issued certificates, their revocations and the published CRLs.
-- Portable between PostgreSQL and H2 (PostgreSQL mode).

CREATE TABLE ca_certificate (
    serial       VARCHAR(40)              NOT NULL PRIMARY KEY, -- lower-case hex, no leading zeros
    profile      VARCHAR(20)              NOT NULL,
    subject      VARCHAR(1024)            NOT NULL,
    key_label    VARCHAR(200),                                  -- set when the private key is in this node's device
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after    TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(10)              NOT NULL,             -- GOOD | REVOKED
    der          BYTEA                    NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ca_certificate_key_label ON ca_certificate (key_label, issued_at);

CREATE TABLE ca_revocation (
    serial       VARCHAR(40)              NOT NULL PRIMARY KEY REFERENCES ca_certificate (serial),
    revoked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    reason_code  INTEGER                  NOT NULL,             -- RFC 5280 CRLReason
    recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One row per CRL ever published; the CRL number is the counter (RFC 5280 5.2.3, monotonically increasing).
CREATE TABLE ca_crl (
    crl_number   BIGINT                   NOT NULL PRIMARY KEY,
    this_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update  TIMESTAMP WITH TIME ZONE NOT NULL,
    der          BYTEA                    NOT NULL
);
