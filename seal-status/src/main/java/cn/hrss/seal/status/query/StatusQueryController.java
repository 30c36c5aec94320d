package cn.hrss.seal.status.query;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.status.api.SealStatusRecord;
import cn.hrss.seal.status.api.SealStatusService;
import cn.hrss.seal.status.publish.SignedHeaders;
import cn.hrss.seal.status.publish.StatusSigner;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Public, signed status answers (OCSP-like): an unknown esID is answered 200 with status UNKNOWN and a signature,
 * so a verifier can tell "the status system does not know this seal" from a failure on the way.
 */
@RestController
class StatusQueryController {
    /** How far past our clock a question may ask (signing time from a client with a fast clock). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final SealStatusService statuses;
    private final StatusSigner signer;
    private final Clock clock;
    private final Duration answerValidity;

    StatusQueryController(SealStatusService statuses, StatusSigner signer, Clock clock, Duration answerValidity) {
        this.statuses = statuses;
        this.signer = signer;
        this.clock = clock;
        this.answerValidity = answerValidity;
    }

    @GetMapping("/api/v1/seal-status/{esId}")
    ResponseEntity<byte[]> status(@PathVariable String esId, @RequestParam(required = false) String at) {
        Instant now = clock.instant();
        Instant time = at == null ? null : parseTime(at, now);
        SealStatusRecord record = time == null ? statuses.statusOf(esId) : statuses.statusAt(esId, time);
        byte[] body = new StatusAnswer(record, time, now, now.plus(answerValidity)).toJson();
        return ResponseEntity.ok().headers(SignedHeaders.of(signer.sign(body)))
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static Instant parseTime(String at, Instant now) {
        Instant time;
        try {
            time = OffsetDateTime.parse(at).toInstant();
        } catch (DateTimeParseException e) {
            throw badAt("at must be an ISO-8601 time with offset, e.g. 2026-01-02T03:04:05Z");
        }
        if (time.isAfter(now.plus(CLOCK_SKEW))) {
            throw badAt("at must not be in the future");
        }
        return time;
    }

    private static SealException badAt(String message) {
        return new SealException("BAD_PARAMETER", 400, message, Map.of("parameter", "at"), null);
    }
}
