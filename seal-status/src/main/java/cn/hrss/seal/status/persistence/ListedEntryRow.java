package cn.hrss.seal.status.persistence;

import cn.hrss.seal.status.api.SealStatus;

import java.time.Instant;

/** One seal on the revocation list, as streamed from {@code seal_status}. Column order matches the components. */
public record ListedEntryRow(String esId, SealStatus status, Instant since, String reason) {
}
