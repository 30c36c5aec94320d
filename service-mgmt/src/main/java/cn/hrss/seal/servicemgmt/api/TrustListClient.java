package cn.hrss.seal.servicemgmt.api;

import cn.hrss.seal.core.crypto.BouncyCastle;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.error.SealException;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * A lower node's copy of its parent's trust list, and the {@link TrustList} backed by it. {@link #pull()} fetches
 * {@code GET <parent>/federation/trust-list}, checks that the signer's certificate is issued by the pinned seal
 * root (or is the pinned certificate itself) and valid now, that its key signed the exact document bytes, and that
 * the version is not older than the one held (rollback); only then does the new version replace the old one.
 * Until the first successful pull nothing is trusted. Thread-safe.
 */
public final class TrustListClient implements TrustList {
    private final HttpClient http;
    private final URI parentBaseUrl;
    private final X509CertificateHolder pinned;
    private final Clock clock;
    private final Duration timeout;
    private final Store store;
    private final AtomicReference<Held> held = new AtomicReference<>();
    /** The oldest version still acceptable: the stored one, even when it no longer verifies after a restart. */
    private volatile long floor;

    /** Where the accepted list is kept between restarts, so that a restart does not reopen rollback. */
    public interface Store {
        Optional<SignedTrustList> load();

        void save(SignedTrustList accepted);

        /** Nothing kept: every restart starts from version 0. */
        Store NONE = new Store() {
            @Override
            public Optional<SignedTrustList> load() {
                return Optional.empty();
            }

            @Override
            public void save(SignedTrustList accepted) {
            }
        };
    }

    private record Held(TrustListDocument document, Map<SignerId, TrustedSigner> signers) {
    }

    public TrustListClient(HttpClient http, URI parentBaseUrl, X509CertificateHolder pinnedRootOrParent, Clock clock,
                           Duration timeout) {
        this(http, parentBaseUrl, pinnedRootOrParent, clock, timeout, Store.NONE);
    }

    /** Starts from the list in {@code store}, verified again like a pulled one (the signer may have expired). */
    public TrustListClient(HttpClient http, URI parentBaseUrl, X509CertificateHolder pinnedRootOrParent, Clock clock,
                           Duration timeout, Store store) {
        this.http = Objects.requireNonNull(http, "http");
        this.parentBaseUrl = Objects.requireNonNull(parentBaseUrl, "parentBaseUrl");
        this.pinned = Objects.requireNonNull(pinnedRootOrParent, "pinnedRootOrParent");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.store = Objects.requireNonNull(store, "store");
        store.load().ifPresent(kept -> {
            floor = kept.version();
            try {
                take(kept.document(), kept.signature());
            } catch (SealException e) {
                held.set(null);
            }
        });
    }

    @Override
    public Optional<TrustedSigner> find(SignerId id) {
        Held current = held.get();
        return current == null ? Optional.empty() : Optional.ofNullable(current.signers().get(id));
    }

    /** The version held, 0 before the first pull. */
    public long version() {
        Held current = held.get();
        return current == null ? 0 : current.document().version();
    }

    public Optional<TrustListDocument> current() {
        return Optional.ofNullable(held.get()).map(Held::document);
    }

    /** Fetches, verifies and takes the parent's list; returns the version now held. */
    public long pull() {
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(parentBaseUrl.resolve(ServiceMgmtPaths.TRUST_LIST))
                    .timeout(timeout).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new SealException("TRUST_LIST_UNAVAILABLE", 503, "parent trust list unreachable", Map.of(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SealException("TRUST_LIST_UNAVAILABLE", 503, "interrupted", Map.of(), e);
        }
        Optional<String> signature = response.headers().firstValue(SignedTrustList.SIGNATURE_HEADER);
        if (response.statusCode() != 200 || signature.isEmpty()) {
            throw new SealException("TRUST_LIST_UNAVAILABLE", 503,
                    "parent answered " + response.statusCode() + " without a signed trust list");
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signature.get());
        } catch (IllegalArgumentException e) {
            throw invalidSignature();
        }
        return accept(response.body(), sig);
    }

    /** Verifies and takes a signed document obtained by any means; the checks of {@link #pull()}. */
    public synchronized long accept(byte[] document, byte[] signature) {
        long before = version();
        long now = take(document, signature);
        if (now != before) {
            store.save(new SignedTrustList(now, document, signature));
        }
        return now;
    }

    private long take(byte[] document, byte[] signature) {
        TrustListDocument parsed = TrustListDocument.parse(document);
        X509CertificateHolder signer = certificate(parsed.signerCertificate());
        Instant now = clock.instant();
        if (!issuedByPinned(signer) || !signer.isValidOn(java.util.Date.from(now))) {
            throw new SealException("TRUST_LIST_SIGNER_UNTRUSTED", 502,
                    "trust list signer is not the pinned parent or not issued by the pinned root, or not valid now");
        }
        Sm2PublicKey key = Sm2PublicKey.fromSubjectPublicKeyInfo(signer.getSubjectPublicKeyInfo());
        if (!SignerId.of(key).hex().equals(parsed.signerCertId())) {
            throw invalidSignature();
        }
        boolean valid;
        try {
            valid = Sm2.verify(key, document, signature);
        } catch (RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw invalidSignature();
        }
        long have = Math.max(version(), floor);
        if (parsed.version() < have) {
            throw new SealException("TRUST_LIST_ROLLBACK", 502,
                    "trust list version " + parsed.version() + " is older than the held version " + have,
                    Map.of("held", have, "offered", parsed.version()), null);
        }
        if (parsed.version() == version()) {
            return have;
        }
        Map<SignerId, TrustedSigner> signers = parsed.entries().stream()
                .map(e -> TrustedSigner.of(certificate(e.certificate()), e.status() == TrustListEntry.Status.REVOKED))
                .collect(Collectors.toUnmodifiableMap(TrustedSigner::id, Function.identity(), (a, b) -> a.revoked() ? a : b));
        held.set(new Held(parsed, signers));
        return parsed.version();
    }

    private boolean issuedByPinned(X509CertificateHolder signer) {
        if (signer.equals(pinned)) {
            return true;
        }
        try {
            return signer.getIssuer().equals(pinned.getSubject()) && signer.isSignatureValid(
                    new JcaContentVerifierProviderBuilder().setProvider(BouncyCastle.PROVIDER).build(pinned));
        } catch (Exception e) {
            return false;
        }
    }

    private static X509CertificateHolder certificate(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new SealException("TRUST_LIST_MALFORMED", 502, "certificate in trust list unreadable");
        }
    }

    private static SealException invalidSignature() {
        return new SealException("TRUST_LIST_SIGNATURE_INVALID", 502, "trust list signature does not verify");
    }
}
