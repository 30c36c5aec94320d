-- The items of batch data signings (POST /api/v1/sign/data/batch). The batch's audit record names it by signId,
-- count and itemsSm3 = SM3 of the lines "<item> <documentSm3> <signedSm3>\n" in item order, so this table can be
-- checked against the audit chain; one audit record per batch keeps the chain's serialised appends per call.
CREATE TABLE application_signed_item (
    sign_id      VARCHAR(36) NOT NULL,
    item         INTEGER     NOT NULL CHECK (item >= 0),
    document_sm3 CHAR(64)    NOT NULL,
    signed_sm3   CHAR(64)    NOT NULL,
    PRIMARY KEY (sign_id, item)
);
CREATE INDEX application_signed_item_document_ix ON application_signed_item (document_sm3);
