package cn.hrss.seal.application.online;

import cn.hrss.seal.application.verify.CheckResult;
import cn.hrss.seal.application.verify.SealStatusPolicy;
import cn.hrss.seal.application.verify.SealStatusSource;
import cn.hrss.seal.application.verify.SigningTime;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Seal status from a downloaded, signed seal revocation list (SRL, docs/STATUS.md), for verifying without asking
 * the status system per seal. The list is believed only when its detached signature verifies with the pinned signer
 * key over the exact document bytes and it names that signer. It is judged by {@link SealStatusPolicy}: a listed
 * seal SUSPENDED or REVOKED since a time at or before the signing time fails, one listed only since after a proven
 * signing time passes with the change named; an unlisted seal was neither as of the list's thisUpdate (the list does
 * not prove that the seal exists: the SEAL check does). A stale list (past nextUpdate) is INDETERMINATE.
 *
 * <p>The list knows only each seal's current listed status: a suspension that was lifted before a later revocation
 * is not on it, which the online query ({@link HttpSealStatusSource}) would show.
 */
public final class RevocationListSealStatusSource implements SealStatusSource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_LIST_BYTES = 32 * 1024 * 1024;

    private final long number;
    private final Instant thisUpdate;
    private final Instant nextUpdate;
    private final Map<String, SealStatusPolicy.Answer> listed;
    private final Clock clock;

    private RevocationListSealStatusSource(long number, Instant thisUpdate, Instant nextUpdate,
                                           Map<String, SealStatusPolicy.Answer> listed, Clock clock) {
        this.number = number;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.listed = Map.copyOf(listed);
        this.clock = clock;
    }

    /**
     * A verified list.
     *
     * @param signature the detached DER SM2 signature ({@code revocation-list.sig})
     * @throws IllegalArgumentException if the signature does not verify or the document is not a version 1 list
     */
    public static RevocationListSealStatusSource of(byte[] document, byte[] signature, Sm2PublicKey signer,
                                                    Clock clock) {
        boolean valid;
        try {
            valid = Sm2.verify(signer, document, signature);
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new IllegalArgumentException("the revocation list's signature does not verify with the trusted key");
        }
        try {
            JsonNode list = JSON.readTree(document);
            String signerId = HexFormat.of().formatHex(Sm3.hash(signer.uncompressed()));
            if (list == null || list.path("version").asInt() != 1
                    || !signerId.equalsIgnoreCase(list.path("signerCertId").asText())) {
                throw new IllegalArgumentException("not a version 1 revocation list of the trusted signer");
            }
            Map<String, SealStatusPolicy.Answer> entries = new HashMap<>();
            for (JsonNode entry : list.path("entries")) {
                SealStatusPolicy.State state = SealStatusPolicy.State.valueOf(entry.path("status").asText());
                entries.put(entry.path("esId").asText(), new SealStatusPolicy.Answer(state,
                        Optional.of(Instant.parse(entry.path("since").asText())),
                        Optional.ofNullable(entry.get("reason")).map(JsonNode::asText)));
            }
            return new RevocationListSealStatusSource(list.path("number").asLong(),
                    Instant.parse(list.path("thisUpdate").asText()), Instant.parse(list.path("nextUpdate").asText()),
                    entries, Objects.requireNonNull(clock, "clock"));
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException("the revocation list cannot be read", e);
        }
    }

    /**
     * Downloads the newest list and its signature (by the number of the list received, so a republication between
     * the two requests cannot pair a list with another's signature) and verifies them.
     *
     * @throws IOException when either cannot be fetched, or the list does not verify
     */
    public static RevocationListSealStatusSource download(URI statusBase, Sm2PublicKey signer, Duration timeout,
                                                          Clock clock) throws IOException {
        LimitedHttp http = new LimitedHttp(timeout, MAX_LIST_BYTES);
        String base = statusBase.toString().endsWith("/") ? statusBase.toString() : statusBase + "/";
        try {
            LimitedHttp.Answer list = http.get(URI.create(base + "api/v1/seal-status/revocation-list"));
            Optional<String> number = list.headers().firstValue("Seal-Srl-Number");
            if (list.status() != 200 || number.isEmpty() || !number.get().trim().matches("\\d{1,18}")) {
                throw new IOException("revocation list: HTTP " + list.status() + " without a list number");
            }
            LimitedHttp.Answer signature = http.get(URI.create(base + "api/v1/seal-status/revocation-list.sig?number="
                    + number.get().trim()));
            if (signature.status() != 200) {
                throw new IOException("revocation list signature: HTTP " + signature.status());
            }
            return of(list.body(), signature.body(), signer, clock);
        } catch (OnlineException e) {
            throw new IOException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    public long number() {
        return number;
    }

    @Override
    public CheckResult status(String esId, SigningTime time) {
        if (clock.instant().isAfter(nextUpdate)) {
            return SealStatusPolicy.unavailable(esId, "revocation list " + number + " is stale (next update was "
                    + nextUpdate + ")");
        }
        SealStatusPolicy.Answer entry = listed.get(esId);
        SealStatusPolicy.Answer notListed = new SealStatusPolicy.Answer(SealStatusPolicy.State.VALID,
                Optional.empty(), Optional.of("not on revocation list " + number + " of " + thisUpdate));
        if (entry == null) {
            return SealStatusPolicy.judge(esId, time, notListed, Optional.empty());
        }
        boolean listedAfterSigning = entry.since().map(since -> since.isAfter(time.at())).orElse(false);
        return time.proven() && listedAfterSigning
                ? SealStatusPolicy.judge(esId, time, notListed, Optional.of(entry))
                : SealStatusPolicy.judge(esId, time, entry, Optional.empty());
    }
}
