-- National codes this node asked for (docs/NATIONAL-PLATFORM.md): one row per cross-industry seal made here.
CREATE TABLE national_code_request (
    request_id       VARCHAR(64)  PRIMARY KEY,
    seal_id          VARCHAR(64)  NOT NULL,
    unit_region_code CHAR(6)      NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    es_id            VARCHAR(64),
    requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_at      TIMESTAMP WITH TIME ZONE,
    filed_at         TIMESTAMP WITH TIME ZONE,
    -- the public-security SM4 key, SM2-enveloped to this node's encryption key exactly as it came (never in clear)
    public_security_key      TEXT,
    public_security_seal_info VARCHAR(64),
    CONSTRAINT uq_national_code_request_seal UNIQUE (seal_id)
);
