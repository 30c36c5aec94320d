package cn.hrss.seal.ca;

import cn.hrss.seal.ca.api.CertificateRevoked;
import org.springframework.context.event.EventListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the {@link CertificateRevoked} events a test node publishes, as another module would receive them. */
public class RevocationEvents {
    private final List<CertificateRevoked> received = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CertificateRevoked event) {
        received.add(event);
    }

    public List<CertificateRevoked> received() {
        return List.copyOf(received);
    }
}
