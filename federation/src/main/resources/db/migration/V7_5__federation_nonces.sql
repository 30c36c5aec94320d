-- Nonces of accepted federation messages (docs/FEDERATION-PROTOCOL.md section 3): shared by every instance of a node,
-- so a message replayed to another instance behind the same address is still refused.
CREATE TABLE federation_nonce (
    signer_id   CHAR(64)    NOT NULL,
    nonce       VARCHAR(64) NOT NULL,
    keep_until  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT federation_nonce_pk PRIMARY KEY (signer_id, nonce)
);
CREATE INDEX federation_nonce_keep_until ON federation_nonce (keep_until);
