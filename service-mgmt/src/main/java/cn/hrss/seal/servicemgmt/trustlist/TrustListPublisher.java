package cn.hrss.seal.servicemgmt.trustlist;

import cn.hrss.seal.ca.api.CertificateAuthority;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.Sm2PublicKey;
import cn.hrss.seal.core.message.SignerId;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.core.message.TrustedSigner;
import cn.hrss.seal.servicemgmt.NodeRegionProperties;
import cn.hrss.seal.servicemgmt.ServiceMgmtProperties;
import cn.hrss.seal.servicemgmt.api.SignedTrustList;
import cn.hrss.seal.servicemgmt.api.SystemKind;
import cn.hrss.seal.servicemgmt.api.TrustListDocument;
import cn.hrss.seal.servicemgmt.api.TrustListEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes this node's trust list (its own system certificate and every system it registered) as a new version,
 * signed with the node's system key, in the caller's transaction; and serves as this node's view of the systems
 * it registered ({@link #asTrustList()}), which switches to a new version only once it is committed.
 */
@Component
public class TrustListPublisher {
    private final JdbcTemplate jdbc;
    private final CertificateAuthority ca;
    private final CipherDevice device;
    private final Clock clock;
    private final ServiceMgmtProperties properties;
    private final NodeRegionProperties node;
    private final AtomicReference<Map<SignerId, TrustedSigner>> committed = new AtomicReference<>();

    TrustListPublisher(JdbcTemplate jdbc, CertificateAuthority ca, CipherDevice device, Clock clock,
                       ServiceMgmtProperties properties, NodeRegionProperties node) {
        this.jdbc = jdbc;
        this.ca = ca;
        this.device = device;
        this.clock = clock;
        this.properties = properties;
        this.node = node;
    }

    /** Signs and stores the next version with {@code registered} plus this node's own entry; joins the transaction. */
    public SignedTrustList publish(List<TrustListEntry> registered) {
        jdbc.queryForObject("SELECT id FROM service_trust_list_head WHERE id = 1 FOR UPDATE", Integer.class);
        Long last = jdbc.queryForObject("SELECT MAX(version) FROM service_trust_list", Long.class);
        long version = last == null ? 1 : last + 1;
        Instant issued = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        X509CertificateHolder nodeCertificate = ca.nodeCertificate();
        Sm2PublicKey nodeKey = Sm2PublicKey.fromSubjectPublicKeyInfo(nodeCertificate.getSubjectPublicKeyInfo());
        String signerId = SignerId.of(nodeKey).hex();
        List<TrustListEntry> entries = new ArrayList<>();
        entries.add(new TrustListEntry(signerId, der(nodeCertificate), node.tier(), node.regionCode(),
                properties.baseUrl().toString(), EnumSet.allOf(SystemKind.class), TrustListEntry.Status.ACTIVE));
        entries.addAll(registered);
        byte[] document = new TrustListDocument(version, nodeCertificate.getSubject().toString(), signerId,
                der(nodeCertificate), issued, issued.plus(properties.trustListValidity()), entries).toJson();
        byte[] signature = device.sign(ca.nodeKey(), Sm2.digest(nodeKey, document));
        jdbc.update("INSERT INTO service_trust_list (version, issued_at, next_update, signer_id, document, signature) "
                        + "VALUES (?,?,?,?,?,?)", version, Timestamp.from(issued),
                Timestamp.from(issued.plus(properties.trustListValidity())), signerId,
                new String(document, StandardCharsets.UTF_8), Base64.getEncoder().encodeToString(signature));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.set(null);
                }
            });
        } else {
            committed.set(null);
        }
        return new SignedTrustList(version, document, signature);
    }

    /** The newest published version. */
    public Optional<SignedTrustList> latest() {
        return jdbc.query("SELECT version, document, signature FROM service_trust_list ORDER BY version DESC "
                        + "FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new SignedTrustList(rs.getLong("version"),
                        rs.getString("document").getBytes(StandardCharsets.UTF_8),
                        Base64.getDecoder().decode(rs.getString("signature")))).stream().findFirst();
    }

    /** The systems of the newest committed version (revoked ones marked), for the federation filter. */
    public TrustList asTrustList() {
        return id -> Optional.ofNullable(signers().get(id));
    }

    private Map<SignerId, TrustedSigner> signers() {
        Map<SignerId, TrustedSigner> current = committed.get();
        if (current == null) {
            current = latest().map(s -> TrustListDocument.parse(s.document()).entries().stream()
                            .map(e -> TrustedSigner.of(holder(e.certificate()),
                                    e.status() == TrustListEntry.Status.REVOKED))
                            .collect(Collectors.toUnmodifiableMap(TrustedSigner::id, Function.identity(),
                                    (a, b) -> a.revoked() ? a : b)))
                    .orElse(Map.of());
            committed.compareAndSet(null, current);
        }
        return current;
    }

    static X509CertificateHolder holder(byte[] der) {
        try {
            return new X509CertificateHolder(der);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] der(X509CertificateHolder certificate) {
        try {
            return certificate.getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
