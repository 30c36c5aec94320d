package cn.hrss.seal.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.OffsetDateTime;
import java.util.List;

/** A standing authorisation of an API client to use a seal ({@code /api/v1/authorisations}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Authorisation(String id, String clientId, String esId, List<String> purposes,
                            OffsetDateTime validUntil, Integer dailyLimit, String status) {
    public Authorisation {
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
    }
}
