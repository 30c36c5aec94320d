package cn.hrss.seal.application.signing;

import cn.hrss.seal.application.data.DataSigner;
import cn.hrss.seal.application.sign.SealSigningKey;
import cn.hrss.seal.application.sign.TimeStampSource;
import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.making.api.SigningSeal;
import cn.hrss.seal.making.api.SigningSeals;
import cn.hrss.seal.status.api.SealStatusChanged;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The seals this node holds keys for, ready to sign: parsed seal, certificate chain to the root, data signer with
 * Z precomputed. Cached per esID and dropped on every status change of the seal (renewal brings a new certificate).
 */
@Component
class SigningKeys {
    static final String SEAL_NOT_FOUND = "SEAL_NOT_FOUND";
    static final String SEAL_NOT_SERVER_HELD = "SEAL_NOT_SERVER_HELD";

    record Ready(SigningSeal seal, SealSigningKey key, DataSigner data) {
    }

    private final SigningSeals seals;
    private final CertificateAuthority ca;
    private final CipherDevice device;
    private final TimeStampSource timeStamps;
    private final Clock clock;
    private final Map<String, Ready> cache = new ConcurrentHashMap<>();

    SigningKeys(SigningSeals seals, CertificateAuthority ca, CipherDevice device, TimeStampSource timeStamps,
                Optional<Clock> clock) {
        this.seals = seals;
        this.ca = ca;
        this.device = device;
        this.timeStamps = timeStamps;
        this.clock = clock.orElseGet(Clock::systemUTC);
    }

    /** @throws SealException 404 SEAL_NOT_FOUND, 409 SEAL_NOT_SERVER_HELD (a USBKey seal: only its holder signs) */
    Ready of(String esId) {
        Ready ready = cache.get(esId);
        if (ready != null) {
            return ready;
        }
        ready = load(esId);
        cache.put(esId, ready);
        return ready;
    }

    private Ready load(String esId) {
        SigningSeal seal = seals.find(esId).orElseThrow(() -> SealException.notFound(SEAL_NOT_FOUND,
                "this node holds no seal " + esId));
        if (seal.deviceKey().isEmpty()) {
            throw new SealException(SEAL_NOT_SERVER_HELD, 409, "seal " + esId
                    + " is held on its holder's USBKey; sign with the seal package and the command-line client",
                    Map.of("delivery", seal.delivery().name()), null);
        }
        X509CertificateHolder certificate;
        try {
            certificate = new X509CertificateHolder(seal.certificate());
        } catch (IOException e) {
            throw new IllegalStateException("stored seal certificate of " + esId + " unreadable", e);
        }
        SealSigningKey key = new SealSigningKey(device, seal.deviceKey().get(),
                List.of(certificate, ca.rootCertificate()), seal.sesSeal());
        return new Ready(seal, key, new DataSigner(key, Optional.of(timeStamps), clock));
    }

    @EventListener
    void on(SealStatusChanged changed) {
        cache.remove(changed.esId());
    }
}
