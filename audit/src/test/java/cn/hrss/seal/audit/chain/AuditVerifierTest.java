package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier on its own, as an auditor runs it offline: no database, no device. */
class AuditVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, Sm2.N.subtract(BigInteger.TWO), RANDOM);
    private final Sm2PublicKey key = Sm2PublicKey.fromPoint(Sm2.publicPoint(d));

    private List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = ChainCodec.GENESIS_HASH;
        for (long seq = 1; seq <= n; seq++) {
            Instant at = Instant.ofEpochMilli(1_700_000_000_000L + seq);
            String h = ChainCodec.chainHash(prev, seq, at, "user:a", "seal.make", "seal:" + seq, "SUCCESS", "{}");
            out.add(new AuditRecord(seq, at, "user:a", "seal.make", "seal:" + seq, "SUCCESS", "{}", prev, h));
            prev = h;
        }
        return out;
    }

    private Checkpoint sign(AuditRecord r, Sm2PublicKey signer, BigInteger privateKey) {
        String keyId = ChainCodec.keyId(signer);
        Instant at = r.recordedAt().plusSeconds(1);
        byte[] e = Sm2.digest(signer, ChainCodec.checkpointBytes(r.seq(), r.hash(), at, keyId));
        BigInteger[] rs = Sm2.signDigest(privateKey, Sm2.dPlus1Inverse(privateKey), e, Sm2.KSource.from(RANDOM));
        return new Checkpoint(r.seq(), r.hash(), at, keyId, HexFormat.of().formatHex(Sm2.encodeSignature(rs[0], rs[1])));
    }

    @Test
    void intactChainWithCheckpoint() {
        List<AuditRecord> records = chain(5);
        VerificationResult result = AuditVerifier.trusting(key)
                .verify(records.iterator(), List.of(sign(records.get(3), key, d)), 5);
        assertThat(result.intact()).isTrue();
        assertThat(result.checkpointsChecked()).isEqualTo(1);
        assertThat(result.lastCheckpointSeq()).isEqualTo(4);
    }

    @Test
    void emptyChainIsIntact() {
        assertThat(AuditVerifier.trusting(key).verify(List.<AuditRecord>of().iterator(), List.of(), 0).intact()).isTrue();
    }

    @Test
    void checkpointByUntrustedKeyIsRejected() {
        BigInteger otherD = BigInteger.valueOf(123456789);
        Sm2PublicKey other = Sm2PublicKey.fromPoint(Sm2.publicPoint(otherD));
        List<AuditRecord> records = chain(3);
        VerificationResult result = AuditVerifier.trusting(key)
                .verify(records.iterator(), List.of(sign(records.get(2), other, otherD)), 3);
        assertThat(result.problem()).isEqualTo(VerificationResult.Problem.CHECKPOINT_INVALID);
        assertThat(result.reason()).contains("untrusted");
    }

    @Test
    void relinkedRecordIsReportedAsBrokenLink() {
        List<AuditRecord> records = chain(4);
        AuditRecord r = records.get(1);
        // record 2 edited and given a matching hash of its own: the link from record 3 breaks
        AuditRecord edited = new AuditRecord(r.seq(), r.recordedAt(), "user:x", r.action(), r.target(), r.outcome(),
                r.details(), r.prevHash(), ChainCodec.chainHash(r.prevHash(), r.seq(), r.recordedAt(), "user:x",
                r.action(), r.target(), r.outcome(), r.details()));
        records.set(1, edited);
        VerificationResult result = AuditVerifier.trusting(key).verify(records.iterator(), List.of(), 4);
        assertThat(result.problem()).isEqualTo(VerificationResult.Problem.CHAIN_BROKEN);
        assertThat(result.firstBrokenSeq()).isEqualTo(3L);
    }

    @Test
    void encodingIsPinned() {
        // pins the canonical encoding documented in docs/AUDIT.md; changing it breaks every stored chain
        String h = ChainCodec.chainHash(ChainCodec.GENESIS_HASH, 1, Instant.ofEpochMilli(0), "a", "b", "", "SUCCESS", "{}");
        assertThat(h).isEqualTo(PINNED);
    }

    // cross-checked with: python3 (bytes as in docs/AUDIT.md) | openssl dgst -sm3
    static final String PINNED = "b2f2e70368f5f14ebd7dbeb61830e7225eea5212dea8c46bf98ef3e2c89db9b9";
}
