-- The items of batch data signings (POST /api/v1/sign/data/batch), one row per batch. items holds the lines
-- "<item> <documentSm3> <signedSm3>\n" in item order; the batch's single audit record carries signId, count and
-- itemsSm3 = SM3(items), so this row is checked against the audit chain. (One audit record and one row per batch
-- keep the chain's serialised appends and the database writes per call, not per signature.)
CREATE TABLE application_signed_items (
    sign_id    VARCHAR(36) PRIMARY KEY,
    item_count INTEGER     NOT NULL CHECK (item_count > 0),
    items      TEXT        NOT NULL
);
