-- Status federation (docs/STATUS-FEDERATION.md): seals held for other nodes.
-- SYNCED rows came up from a lower node (this node keeps them for the federation, no expiry);
-- CACHED rows are answers from above (kept until expires_at, refreshed by pushes and new questions).
CREATE TABLE statusfed_seal (
    es_id               VARCHAR(64)  PRIMARY KEY,
    region_code         CHAR(6)      NOT NULL,
    unit_name           VARCHAR(200) NOT NULL,
    seal_name           VARCHAR(200) NOT NULL,
    certificate_serial  VARCHAR(64)  NOT NULL,
    valid_start         TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_end           TIMESTAMP WITH TIME ZONE NOT NULL,
    source              VARCHAR(8)   NOT NULL,
    origin_signer       CHAR(64)     NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE TABLE statusfed_version (
    es_id    VARCHAR(64)  NOT NULL,
    version  BIGINT       NOT NULL,
    status   VARCHAR(16)  NOT NULL,
    since    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason   VARCHAR(500),
    -- when this node learnt of the version (propagation is measured from it: docs/PERFORMANCE.md)
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT statusfed_version_pk PRIMARY KEY (es_id, version)
);
-- Lower nodes that asked about a seal: its later changes are pushed to them.
CREATE TABLE statusfed_subscription (
    es_id          VARCHAR(64) NOT NULL,
    destination    VARCHAR(64) NOT NULL,
    subscribed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT statusfed_subscription_pk PRIMARY KEY (es_id, destination)
);
