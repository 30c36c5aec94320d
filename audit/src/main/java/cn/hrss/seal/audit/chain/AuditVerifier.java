package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.core.crypto.Sm2;
import cn.hrss.seal.core.device.Sm2PublicKey;

import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Recomputes the chain and checks checkpoint signatures. Pure: it reads what it is given and needs no database or
 * device, so an auditor can run it offline on exported rows with the audit public key obtained out of band.
 */
public final class AuditVerifier {
    private final Map<String, Sm2PublicKey> trustedKeys;

    /** @param trustedKeys audit public keys by key id ({@link ChainCodec#keyId}) */
    public AuditVerifier(Map<String, Sm2PublicKey> trustedKeys) {
        this.trustedKeys = Map.copyOf(trustedKeys);
    }

    public static AuditVerifier trusting(Sm2PublicKey auditKey) {
        return new AuditVerifier(Map.of(ChainCodec.keyId(auditKey), auditKey));
    }

    /**
     * @param records     every record in ascending sequence order, starting at 1
     * @param checkpoints all checkpoints, any order
     * @param headSeq     the sequence number the chain head claims (0 if unknown)
     */
    public VerificationResult verify(Iterator<AuditRecord> records, Iterable<Checkpoint> checkpoints, long headSeq) {
        NavigableMap<Long, Checkpoint> bySeq = new TreeMap<>();
        for (Checkpoint c : checkpoints) {
            bySeq.put(c.seq(), c);
        }
        long lastSigned = bySeq.isEmpty() ? 0 : bySeq.lastKey();
        String prev = ChainCodec.GENESIS_HASH;
        long expected = 1;
        long checked = 0;
        long signed = 0;
        while (records.hasNext()) {
            AuditRecord r = records.next();
            if (r.seq() != expected) {
                return VerificationResult.broken(checked, signed, lastSigned, expected, VerificationResult.Problem.RECORD_MISSING,
                        "record " + expected + " is missing (next stored record is " + r.seq() + ")");
            }
            if (!prev.equals(r.prevHash())) {
                return VerificationResult.broken(checked, signed, lastSigned, r.seq(), VerificationResult.Problem.CHAIN_BROKEN,
                        "record " + r.seq() + " does not link to record " + (r.seq() - 1)
                                + ": one of the two was altered");
            }
            String computed = ChainCodec.chainHash(prev, r);
            if (!computed.equals(r.hash())) {
                return VerificationResult.broken(checked, signed, lastSigned, r.seq(), VerificationResult.Problem.RECORD_ALTERED,
                        "record " + r.seq() + " does not match its hash: its content was altered");
            }
            checked++;
            Checkpoint c = bySeq.get(r.seq());
            if (c != null) {
                String problem = signatureProblem(c);
                if (problem != null) {
                    return VerificationResult.broken(checked, signed, lastSigned, c.seq(),
                            VerificationResult.Problem.CHECKPOINT_INVALID, problem);
                }
                if (!c.recordHash().equals(computed)) {
                    return VerificationResult.broken(checked, signed, lastSigned, c.seq(),
                            VerificationResult.Problem.CHECKPOINT_MISMATCH, "signed checkpoint " + c.seq()
                                    + " disagrees with the chain: records up to " + c.seq() + " were rewritten");
                }
                signed++;
            }
            prev = computed;
            expected++;
        }
        long last = expected - 1;
        if (lastSigned > last) {
            return VerificationResult.broken(checked, signed, lastSigned, last + 1, VerificationResult.Problem.TAIL_TRUNCATED,
                    "checkpoint " + lastSigned + " vouches for records after the last stored record " + last);
        }
        if (headSeq > last) {
            return VerificationResult.broken(checked, signed, lastSigned, last + 1, VerificationResult.Problem.TAIL_TRUNCATED,
                    "the chain head is at " + headSeq + " but the last stored record is " + last);
        }
        return VerificationResult.intact(checked, signed, lastSigned);
    }

    private String signatureProblem(Checkpoint c) {
        Sm2PublicKey key = trustedKeys.get(c.keyId());
        if (key == null) {
            return "checkpoint " + c.seq() + " is signed by an untrusted key " + c.keyId();
        }
        if (!ChainCodec.isHash(c.recordHash())) {
            return "checkpoint " + c.seq() + " has a malformed hash";
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(c.signature());
        } catch (IllegalArgumentException e) {
            return "checkpoint " + c.seq() + " has a malformed signature";
        }
        byte[] tbs = ChainCodec.checkpointBytes(c.seq(), c.recordHash(), c.signedAt(), c.keyId());
        return Sm2.verify(key, tbs, signature) ? null : "checkpoint " + c.seq() + " signature does not verify";
    }
}
