package cn.hrss.seal.national;

import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.identity.AdministrativeRegionCode;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.VerifiedMessage;
import cn.hrss.seal.federation.api.DestinationResolver;
import cn.hrss.seal.federation.api.Inbox;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.making.api.NationalSealCodes;
import cn.hrss.seal.making.api.SealMade;
import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.api.SigningSeals;
import cn.hrss.seal.national.api.CodeAssigned;
import cn.hrss.seal.national.api.CodeRequest;
import cn.hrss.seal.national.api.Filing;
import cn.hrss.seal.national.api.NationalMessages;
import cn.hrss.seal.servicemgmt.api.RegisteredSystems;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Flow 3. The making node asks ({@code seal.code-request/1}) through its parent; each relay passes requests and
 * filings up and answers ({@code seal.code-assigned/1}) down by the requester's region; the node that can reach the
 * national platform (the ministry, destination {@code national}) hands requests to it. The making node completes the
 * seal with the code ({@link NationalSealCodes#assign}) and files it. Everything travels through the outbox, so a
 * node that is down holds nothing up for long: it gets what waits for it when it is back.
 */
final class NationalRelay {
    static final String NATIONAL = "national";
    static final String PARENT = "parent";
    static final String INVALID = "NATIONAL_MESSAGE_INVALID";
    static final String OUT_OF_REGION = "NATIONAL_REQUEST_OUT_OF_REGION";
    static final String NOT_FROM_ABOVE = "NATIONAL_ANSWER_NOT_FROM_ABOVE";
    static final String NO_ROUTE = "NATIONAL_ROUTE_UNKNOWN";
    private static final Logger log = LoggerFactory.getLogger(NationalRelay.class);

    private final CodeRequests requests;
    private final Optional<NationalSealCodes> making;
    private final Optional<SigningSeals> seals;
    private final Outbox outbox;
    private final Inbox inbox;
    private final DestinationResolver destinations;
    private final Optional<RegisteredSystems> children;
    private final String ownRegion;
    private final Identity identity;
    private final TransactionTemplate transactions;
    private final Clock clock;

    NationalRelay(CodeRequests requests, Optional<NationalSealCodes> making, Optional<SigningSeals> seals,
                  Outbox outbox, Inbox inbox, DestinationResolver destinations, Optional<RegisteredSystems> children,
                  String ownRegion, Identity identity, TransactionTemplate transactions, Clock clock) {
        this.requests = requests;
        this.making = making;
        this.seals = seals;
        this.outbox = outbox;
        this.inbox = inbox;
        this.destinations = destinations;
        this.children = children;
        this.ownRegion = ownRegion;
        this.identity = identity;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** In the making transaction: a waiting seal's request is written with it; a completed one is filed. */
    void onSealMade(SealMade made) {
        if (made.state() == SealState.AWAITING_NATIONAL_CODE) {
            String requestId = UUID.randomUUID().toString();
            String unitRegion = made.unitCreditCode().substring(2, 8);
            requests.insert(requestId, made.sealId(), unitRegion, clock.instant());
            up().ifPresentOrElse(up -> outbox.enqueue(up, MessageKind.SEAL_CODE_REQUEST, NationalMessages.write(
                            new CodeRequest(requestId, made.sealId(), ownRegion, made.unitCreditCode(), unitRegion,
                                    HexFormat.of().formatHex(identity.encryptionKey().uncompressed())))),
                    () -> log.warn("seal {} waits for its national code, but this node has no parent and no national"
                            + " platform configured", made.sealId()));
        } else if (made.state() == SealState.VALID && made.esId() != null) {
            requests.bySeal(made.sealId()).filter(r -> r.state() == CodeRequests.State.ASSIGNED).ifPresent(r -> {
                byte[] sesSeal = seals.flatMap(s -> s.find(made.esId())).map(s -> s.sesSeal()).orElse(new byte[0]);
                up().ifPresent(up -> outbox.enqueue(up, MessageKind.SEAL_FILING, NationalMessages.write(new Filing(
                        r.requestId(), made.esId(), made.unitCreditCode(), ownRegion,
                        Base64.getEncoder().encodeToString(sesSeal), clock.instant()))));
                requests.filed(r.requestId(), clock.instant());
            });
        }
    }

    /** A request or filing from a lower node: only for its own region, passed up once. */
    String relayUp(VerifiedMessage message, MessageKind kind) {
        String requesterRegion = kind.equals(MessageKind.SEAL_CODE_REQUEST)
                ? NationalMessages.read(message.body(), CodeRequest.class).map(CodeRequest::requesterRegion)
                .orElseThrow(() -> SealException.badRequest(INVALID, "not a seal.code-request/1 body"))
                : NationalMessages.read(message.body(), Filing.class).map(Filing::requesterRegion)
                .orElseThrow(() -> SealException.badRequest(INVALID, "not a seal.filing/1 body"));
        AdministrativeRegionCode claimed = region(requesterRegion);
        AdministrativeRegionCode sender = children.flatMap(c -> c.regionOf(message.signer().id()))
                .orElseThrow(() -> new SealException(OUT_OF_REGION, 403, "only a registered lower system relays "
                        + kind + " here"));
        if (!sender.contains(claimed)) {
            throw new SealException(OUT_OF_REGION, 403, "a system registered for " + sender.value()
                    + " cannot ask for region " + requesterRegion);
        }
        String up = up().orElseThrow(() -> new SealException(NO_ROUTE, 503,
                "this node has neither a parent nor the national platform configured"));
        return transactions.execute(tx -> {
            if (!inbox.firstDelivery(message)) {
                return "duplicate";
            }
            outbox.enqueue(up, kind, message.body());
            return "relayed to " + up;
        });
    }

    /** The platform's answer coming down: completed here if this node asked, else passed on towards the requester. */
    String answerDown(VerifiedMessage message) {
        CodeAssigned answer = NationalMessages.read(message.body(), CodeAssigned.class)
                .filter(a -> a.requestId() != null && a.esId() != null && a.sealId() != null)
                .orElseThrow(() -> SealException.badRequest(INVALID, "not a seal.code-assigned/1 body"));
        region(answer.requesterRegion());
        if (children.flatMap(c -> c.regionOf(message.signer().id())).isPresent()) {
            throw new SealException(NOT_FROM_ABOVE, 403, "codes come from the national platform, not from below");
        }
        Optional<CodeRequests.Row> own = requests.byRequest(answer.requestId());
        String down = "region:" + answer.requesterRegion();
        if (own.isEmpty() && destinations.baseUri(down).isEmpty()) {
            throw new SealException(NO_ROUTE, 404, "no registered system serves region " + answer.requesterRegion());
        }
        return transactions.execute(tx -> {
            if (!inbox.firstDelivery(message)) {
                return "duplicate";
            }
            if (own.isPresent()) {
                if (!own.get().sealId().equals(answer.sealId())) {
                    throw SealException.badRequest(INVALID, "the answer names another seal than the request");
                }
                byte[] envelope = publicSecurityKey(answer);
                if (requests.assigned(answer.requestId(), answer.esId(), envelope, answer.publicSecuritySealInfo(),
                        clock.instant())) {
                    making.orElseThrow(() -> new SealException(NO_ROUTE, 409, "this node does not make seals"))
                            .assign(answer.sealId(), answer.esId(), "national-platform");
                }
                return "assigned " + answer.esId();
            }
            outbox.enqueue(down, MessageKind.SEAL_CODE_ASSIGNED, message.body());
            return "relayed to " + down;
        });
    }

    /**
     * The public-security SM4 key must open with this node's encryption key and be an SM4 key; it is kept as it came,
     * enveloped to that key, so it is never stored in clear.
     */
    private byte[] publicSecurityKey(CodeAssigned answer) {
        byte[] envelope;
        try {
            envelope = Base64.getDecoder().decode(answer.publicSecurityKey() == null ? "" : answer.publicSecurityKey());
            if (identity.open(envelope).length != 16) {
                throw new IllegalArgumentException("not an SM4 key");
            }
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "the public-security key does not open with this node's key");
        }
        return envelope;
    }

    /** This node's encryption key in the cipher device, to which the platform envelopes the public-security key. */
    interface Identity {
        cn.hrss.seal.core.device.Sm2PublicKey encryptionKey();

        byte[] open(byte[] envelope);
    }

    Optional<CodeRequests.Row> request(String sealId) {
        return requests.bySeal(sealId);
    }

    private Optional<String> up() {
        if (destinations.baseUri(NATIONAL).isPresent()) {
            return Optional.of(NATIONAL);
        }
        return destinations.baseUri(PARENT).isPresent() ? Optional.of(PARENT) : Optional.empty();
    }

    private static AdministrativeRegionCode region(String code) {
        try {
            return AdministrativeRegionCode.parse(code);
        } catch (RuntimeException e) {
            throw SealException.badRequest(INVALID, "not a region code: " + code);
        }
    }
}
