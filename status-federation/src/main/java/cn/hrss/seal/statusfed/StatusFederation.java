package cn.hrss.seal.statusfed;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.FederationClient;
import cn.hrss.seal.federation.api.FederationException;
import cn.hrss.seal.federation.api.FederationResponse;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import cn.hrss.seal.status.api.SealHistory;
import cn.hrss.seal.status.api.SealStatusChanged;
import cn.hrss.seal.status.api.SealStatusService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flow 4 of the federation. Up: every change of a seal this node holds (its own, or synchronised from below) goes to
 * {@code parent} through the outbox, in the transaction of the change; the ministry also sends it to
 * {@code national}. Questions: a seal this node does not hold is asked about up the tiers (synchronously) and the
 * answer cached until the configured expiry. Down: whoever asked about a seal gets its later changes pushed.
 */
final class StatusFederation {
    static final String PARENT = "parent";
    static final String NATIONAL = "national";
    static final String OUT_OF_REGION = "STATUS_CHANGE_OUT_OF_REGION";
    private static final Logger log = LoggerFactory.getLogger(StatusFederation.class);

    private final SealStatusService ledger;
    private final HeldSeals held;
    private final Outbox outbox;
    private final Inbox inbox;
    private final FederationClient client;
    private final DestinationResolver destinations;
    private final Optional<RegisteredSystems> children;
    private final TransactionTemplate transactions;
    private final Duration cacheTtl;
    private final Clock clock;
    private final UnknownSeals unknownAbove = new UnknownSeals(10_000);
    private static final Duration UNKNOWN_TTL = Duration.ofSeconds(30);

    StatusFederation(SealStatusService ledger, HeldSeals held, Outbox outbox, Inbox inbox, FederationClient client,
                     DestinationResolver destinations, Optional<RegisteredSystems> children,
                     TransactionTemplate transactions, Duration cacheTtl, Clock clock) {
        this.ledger = ledger;
        this.held = held;
        this.outbox = outbox;
        this.inbox = inbox;
        this.client = client;
        this.destinations = destinations;
        this.children = children;
        this.transactions = transactions;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    /** A change of one of this node's own seals, inside the ledger's transaction: it goes up with it or not at all. */
    void localChange(SealStatusChanged event) {
        Optional<SealHistory> history = ledger.historyOf(event.esId());
        if (history.isEmpty()) {
            return;
        }
        SealHistory.Version version = history.get().versions().stream()
                .filter(v -> v.version() == event.version()).findFirst().orElse(history.get().latest());
        forward(StatusChangeBody.of(history.get(), version, event.previous()), null);
    }

    /**
     * A {@code status.change/1} received. From a registered lower node: the seal's region must lie in the sender's
     * (403 STATUS_CHANGE_OUT_OF_REGION); it is held SYNCED and forwarded up. From anyone else this node trusts (its
     * parent pushing a change it asked about): it refreshes the cached copy and goes on down.
     */
    String receiveChange(VerifiedMessage message) {
        StatusChangeBody change = Json.read(message.body(), StatusChangeBody.class, StatusChangeBody.INVALID)
                .validated();
        if (ledger.historyOf(change.esId()).isPresent()) {
            return "own seal: its status is kept here";
        }
        Optional<AdministrativeRegionCode> senderRegion = children.flatMap(c -> c.regionOf(message.signer().id()));
        if (senderRegion.isPresent()
                && !senderRegion.get().contains(AdministrativeRegionCode.parse(change.regionCode()))) {
            throw new SealException(OUT_OF_REGION, 403, "a system registered for " + senderRegion.get().value()
                    + " cannot change seals of region " + change.regionCode());
        }
        return transactions.execute(tx -> {
            if (!inbox.firstDelivery(message)) {
                return "duplicate";
            }
            Instant now = clock.instant();
            boolean fromBelow = senderRegion.isPresent();
            boolean fresh = held.apply(change, fromBelow ? HeldSeals.Source.SYNCED : HeldSeals.Source.CACHED,
                    message.signer().id(), now, fromBelow ? null : now.plus(cacheTtl));
            if (fresh) {
                forward(change, fromBelow ? null : message.signer().id());
            }
            return fresh ? "recorded" : "already held";
        });
    }

    /** What this node holds or can learn about a seal, for a lower node's question; the asker gets later changes. */
    StatusAnswerBody answer(VerifiedMessage message) {
        StatusAnswerBody.Query query = Json.read(message.body(), StatusAnswerBody.Query.class, "STATUS_QUERY_INVALID");
        try {
            cn.hrss.seal.status.api.EsIds.requireWellFormed(query.esId());
        } catch (RuntimeException e) {
            throw SealException.badRequest("STATUS_QUERY_INVALID", "not a well-formed esID");
        }
        Optional<AdministrativeRegionCode> askerRegion = children.flatMap(c -> c.regionOf(message.signer().id()));
        // a question from above (the ministry routing down) is answered from here and below, never asked up again:
        // that would send it back to where it came from
        Optional<SealHistory> history = resolve(query.esId(), askerRegion.isPresent());
        askerRegion.ifPresent(region -> history.ifPresent(h ->
                transactions.executeWithoutResult(tx -> held.subscribe(query.esId(), "region:" + region.value(),
                        clock.instant()))));
        return history.map(StatusAnswerBody::of).orElseGet(() -> StatusAnswerBody.unknown(query.esId()));
    }

    /**
     * The seal's history wherever it is held: this node's ledger, what it holds for the federation (cached answers
     * while fresh), else its parent's answer (cached). Empty when nobody knows it or the parent cannot be asked.
     */
    Optional<SealHistory> resolve(String esId) {
        return resolve(esId, true);
    }

    private Optional<SealHistory> resolve(String esId, boolean mayAskUp) {
        Optional<SealHistory> own = ledger.historyOf(esId);
        if (own.isPresent()) {
            return own;
        }
        Instant now = clock.instant();
        Optional<HeldSeals.Held> kept = held.find(esId);
        if (kept.isPresent() && kept.get().freshAt(now)) {
            return Optional.of(kept.get().history());
        }
        if (kept.isEmpty() && unknownAbove.knownUnknown(esId, now)) {
            return Optional.empty();
        }
        // up to the parent; at the top (the ministry) down to the node serving the region the seal's code names
        Optional<String> ask = mayAskUp && destinations.baseUri(PARENT).isPresent() ? Optional.of(PARENT)
                : destinations.baseUri(PARENT).isPresent() ? Optional.empty()
                : SealRegions.of(esId).map(region -> "region:" + region)
                .filter(down -> destinations.baseUri(down).isPresent());
        if (ask.isEmpty()) {
            return kept.map(HeldSeals.Held::history);
        }
        try {
            FederationResponse response = client.send(ask.get(), MessageKind.STATUS_QUERY,
                    UUID.randomUUID().toString(), Json.write(new StatusAnswerBody.Query(esId)));
            if (!response.successful()) {
                log.warn("parent refused the status question about {}: {}", esId, response.status());
                return kept.map(HeldSeals.Held::history);
            }
            StatusAnswerBody answer = Json.read(response.message().body(), StatusAnswerBody.class,
                    "STATUS_ANSWER_INVALID");
            if (!answer.known() || !esId.equals(answer.esId())) {
                // remembered briefly, so that questions about made-up codes do not all travel up
                unknownAbove.remember(esId, clock.instant().plus(UNKNOWN_TTL));
                return kept.map(HeldSeals.Held::history);
            }
            SealHistory history = answer.history();
            transactions.executeWithoutResult(tx -> held.cache(history, response.message().signer().id(),
                    clock.instant(), clock.instant().plus(cacheTtl)));
            return Optional.of(history);
        } catch (FederationException | SealException e) {
            // the parent is down or answered nonsense: an expired copy is still better than nothing, and says so
            log.warn("status of {} not available from the parent: {}", esId, e.getMessage());
            return kept.map(HeldSeals.Held::history);
        }
    }

    /** Seals the parent said it does not know, until a time; bounded, oldest forgotten first. */
    private static final class UnknownSeals {
        private final java.util.LinkedHashMap<String, Instant> until;

        UnknownSeals(int max) {
            this.until = new java.util.LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Instant> eldest) {
                    return size() > max;
                }
            };
        }

        synchronized boolean knownUnknown(String esId, Instant now) {
            Instant expiry = until.get(esId);
            if (expiry != null && !expiry.isAfter(now)) {
                until.remove(esId);
                return false;
            }
            return expiry != null;
        }

        synchronized void remember(String esId, Instant expiry) {
            until.put(esId, expiry);
        }
    }

    /** Up to the parent (and from the ministry to the national platform), down to whoever asked, never back. */
    private void forward(StatusChangeBody change, SignerId cameFrom) {
        byte[] body = Json.write(change);
        if (cameFrom == null) {
            for (String up : new String[] {PARENT, NATIONAL}) {
                if (destinations.baseUri(up).isPresent()) {
                    outbox.enqueue(up, MessageKind.STATUS_CHANGE, body);
                }
            }
        }
        for (String subscriber : held.subscribers(change.esId())) {
            if (destinations.baseUri(subscriber).isPresent()) {
                outbox.enqueue(subscriber, MessageKind.STATUS_CHANGE, body);
            }
        }
    }
}
