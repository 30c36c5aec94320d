package cn.hrss.seal.client;

import java.time.OffsetDateTime;

/**
 * A seal status answer ({@code GET /api/v1/seal-status/{esId}}) with what proves it: the exact body and the
 * {@code Seal-Signature} / {@code Seal-Signer} headers, for callers that verify it (docs/STATUS.md).
 */
public record SealStatus(String esId, String status, OffsetDateTime since, String reason, OffsetDateTime checkedAt,
                         byte[] body, String signature, String signer) {
    public SealStatus {
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
