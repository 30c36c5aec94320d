package cn.hrss.seal.making.testing;

import cn.hrss.seal.making.api.SealState;
import cn.hrss.seal.making.port.SealStatusPublisher;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Status history per esID with point-in-time queries; stands in for seal-status in tests. */
public final class InMemorySealStatus implements SealStatusPublisher {
    private record Change(SealState state, Instant since) {
    }

    private final Map<String, List<Change>> history = new ConcurrentHashMap<>();

    private final Map<String, Registration> registrations = new ConcurrentHashMap<>();

    @Override
    public void register(Registration r) {
        if (history.putIfAbsent(r.esId(), new ArrayList<>(List.of(new Change(SealState.VALID, r.validFrom()))))
                != null) {
            throw new IllegalStateException("seal already registered: " + r.esId());
        }
        registrations.put(r.esId(), r);
    }

    @Override
    public void renewed(String esId, String certificateSerial, Instant validTo) {
        Registration r = registrations.get(esId);
        registrations.put(esId, new Registration(esId, r.unitName(), r.sealName(), r.regionCode(), certificateSerial,
                r.validFrom(), validTo));
    }

    public Registration registration(String esId) {
        return registrations.get(esId);
    }

    @Override
    public synchronized void publish(String esId, SealState state, Instant since, String reason) {
        List<Change> changes = history.get(esId);
        if (changes == null) {
            throw new IllegalStateException("unknown seal " + esId);
        }
        changes.add(new Change(state, since));
    }

    /** The status at a time; null before registration. */
    public synchronized SealState statusAt(String esId, Instant at) {
        SealState state = null;
        for (Change c : history.getOrDefault(esId, List.of())) {
            if (!c.since().isAfter(at)) {
                state = c.state();
            }
        }
        return state;
    }

    public boolean isRegistered(String esId) {
        return history.containsKey(esId);
    }
}
