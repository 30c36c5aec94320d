package cn.hrss.seal.ca.persistence;

import cn.hrss.seal.ca.api.CertificateProfile;
import cn.hrss.seal.ca.api.CertificateStatus;
import cn.hrss.seal.ca.api.IssuedCertificate;
import cn.hrss.seal.ca.api.RevocationReason;
import org.bouncycastle.cert.X509CertificateHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The CA's records: issued certificates, revocations and published CRLs. Serial numbers are stored as lower-case
 * hex because they are up to 128 bits.
 */
public final class CertificateStore {
    private static final String GOOD = "GOOD";

    private final CaCertificateMapper certificates;
    private final CaRevocationMapper revocations;
    private final CaCrlMapper crls;
    private final TransactionTemplate tx;
    private final Clock clock;

    CertificateStore(CaCertificateMapper certificates, CaRevocationMapper revocations, CaCrlMapper crls,
                     TransactionTemplate tx, Clock clock) {
        this.certificates = certificates;
        this.revocations = revocations;
        this.crls = crls;
        this.tx = tx;
        this.clock = clock;
    }

    /** Records a newly issued certificate; {@code keyLabel} is set when its key lives in this node's device. */
    public void save(IssuedCertificate issued, String keyLabel) {
        CertificateRow row = new CertificateRow();
        row.serial = key(issued.serial());
        row.profile = issued.profile().name();
        row.subject = issued.subject();
        row.keyLabel = keyLabel;
        row.notBefore = utc(issued.notBefore());
        row.notAfter = utc(issued.notAfter());
        row.status = GOOD;
        row.der = issued.encoded();
        row.issuedAt = utc(clock.instant());
        certificates.insert(row);
    }

    public Optional<IssuedCertificate> find(BigInteger serial) {
        return Optional.ofNullable(certificates.selectById(key(serial))).map(CertificateStore::toIssued);
    }

    /** The most recently issued certificate for a device key label. */
    public Optional<IssuedCertificate> latestForKey(String keyLabel) {
        return Optional.ofNullable(certificates.selectLatestByKeyLabel(keyLabel)).map(CertificateStore::toIssued);
    }

    public CertificateStatus status(BigInteger serial) {
        CertificateRow row = certificates.selectById(key(serial));
        if (row == null) {
            return CertificateStatus.unknown(serial);
        }
        if (GOOD.equals(row.status)) {
            return CertificateStatus.good(serial);
        }
        return toStatus(revocations.selectById(row.serial));
    }

    /**
     * Records a revocation atomically.
     *
     * @return false when the certificate was already revoked
     */
    public boolean revoke(BigInteger serial, RevocationReason reason, Instant revokedAt) {
        Boolean done = tx.execute(status -> {
            if (certificates.markRevoked(key(serial)) == 0) {
                return false;
            }
            RevocationRow row = new RevocationRow();
            row.serial = key(serial);
            row.revokedAt = utc(revokedAt);
            row.reasonCode = reason.code();
            row.recordedAt = utc(clock.instant());
            revocations.insert(row);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** All revocations, oldest first. */
    public List<CertificateStatus> revoked() {
        return revocations.selectAllOrdered().stream().map(CertificateStore::toStatus).toList();
    }

    public Optional<PublishedCrl> latestCrl() {
        return Optional.ofNullable(crls.selectLatest()).map(r ->
                new PublishedCrl(r.crlNumber, r.thisUpdate.toInstant(), r.nextUpdate.toInstant(), r.der));
    }

    /** The number the next CRL gets. Concurrent publishers are settled by {@link #saveCrl}'s primary key. */
    public long nextCrlNumber() {
        return crls.selectMaxNumber() + 1;
    }

    /** @return false if another node already published a CRL with this number */
    public boolean saveCrl(PublishedCrl crl) {
        CrlRow row = new CrlRow();
        row.crlNumber = crl.number();
        row.thisUpdate = utc(crl.thisUpdate());
        row.nextUpdate = utc(crl.nextUpdate());
        row.der = crl.der();
        try {
            crls.insert(row);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static CertificateStatus toStatus(RevocationRow r) {
        return CertificateStatus.revoked(new BigInteger(r.serial, 16), r.revokedAt.toInstant(),
                RevocationReason.ofCode(r.reasonCode));
    }

    private static IssuedCertificate toIssued(CertificateRow row) {
        try {
            return new IssuedCertificate(CertificateProfile.valueOf(row.profile), new X509CertificateHolder(row.der));
        } catch (IOException e) {
            throw new IllegalStateException("stored certificate " + row.serial + " does not parse", e);
        }
    }

    private static String key(BigInteger serial) {
        return serial.toString(16);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
