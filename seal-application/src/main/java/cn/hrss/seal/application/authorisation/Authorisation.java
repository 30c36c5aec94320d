package cn.hrss.seal.application.authorisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A standing authorisation (授权): API client {@code clientId} may sign with seal {@code esId} for the listed
 * purposes until {@code validUntil}, at most {@code dailyLimit} times per business day. It is the review of every
 * signing made under it.
 */
public record Authorisation(String id, String clientId, String esId, List<String> purposes, Instant validUntil,
                            Optional<Integer> dailyLimit, String grantedBy, Instant grantedAt,
                            Optional<Instant> revokedAt) {
    public Authorisation {
        purposes = List.copyOf(purposes);
    }

    boolean activeAt(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(validUntil);
    }
}
