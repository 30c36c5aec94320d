package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.port.SealStatusPublisher;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real seal-status adapter, except for renewals, which seal-status cannot record yet: those are kept here so
 * that the renewal flow can be tested end to end.
 */
public final class RenewalRecordingStatus implements SealStatusPublisher {
    /** What a renewal told the status system. */
    public record Renewal(String certificateSerial, Instant validTo) {
    }

    private final SealStatusPublisher status;
    private final Map<String, Renewal> renewals = new ConcurrentHashMap<>();

    public RenewalRecordingStatus(SealStatusPublisher status) {
        this.status = status;
    }

    @Override
    public void register(Registration registration) {
        status.register(registration);
    }

    @Override
    public void publish(String esId, SealState state, Instant since, String reason) {
        status.publish(esId, state, since, reason);
    }

    @Override
    public void renewed(String esId, String certificateSerial, Instant validTo) {
        renewals.put(esId, new Renewal(certificateSerial, validTo));
    }

    public Renewal renewalOf(String esId) {
        return renewals.get(esId);
    }
}
