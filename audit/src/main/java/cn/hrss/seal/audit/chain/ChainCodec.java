package cn.hrss.seal.audit.chain;

import cn.hrss.seal.audit.api.AuditRecord;
import cn.hrss.seal.core.crypto.Sm3;
import cn.hrss.seal.core.device.Sm2PublicKey;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical byte encodings that the chain hashes and the checkpoints sign (docs/AUDIT.md). Fixed field order,
 * big-endian integers, strings as 4-byte length + UTF-8, each structure prefixed with a domain tag so a record can
 * never be mistaken for a checkpoint. Times are whole milliseconds since the epoch.
 */
public final class ChainCodec {
    /** The "previous hash" of record 1. */
    public static final String GENESIS_HASH = "0".repeat(64);

    private static final byte[] RECORD_TAG = "HRSS-AUDIT-REC-1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CHECKPOINT_TAG = "HRSS-AUDIT-CKP-1".getBytes(StandardCharsets.US_ASCII);
    private static final HexFormat HEX = HexFormat.of();

    private ChainCodec() {
    }

    /** Canonical bytes of a record's content (everything but the two hashes). */
    public static byte[] recordBytes(long seq, Instant recordedAt, String actor, String action, String target,
                                     String outcome, String details) {
        Writer w = new Writer(RECORD_TAG);
        w.int64(seq);
        w.int64(recordedAt.toEpochMilli());
        w.text(actor);
        w.text(action);
        w.text(target);
        w.text(outcome);
        w.text(details);
        return w.bytes();
    }

    /** hex SM3(prev hash bytes || canonical record bytes). */
    public static String chainHash(String prevHashHex, long seq, Instant recordedAt, String actor, String action,
                                   String target, String outcome, String details) {
        return HEX.formatHex(Sm3.hash(HEX.parseHex(prevHashHex),
                recordBytes(seq, recordedAt, actor, action, target, outcome, details)));
    }

    /** The hash a stored record should carry, recomputed from its content and the given previous hash. */
    public static String chainHash(String prevHashHex, AuditRecord r) {
        return chainHash(prevHashHex, r.seq(), r.recordedAt(), r.actor(), r.action(), r.target(), r.outcome(),
                r.details());
    }

    /** The bytes a checkpoint signature covers (SM3withSM2, default user ID). */
    public static byte[] checkpointBytes(long seq, String recordHashHex, Instant signedAt, String keyId) {
        Writer w = new Writer(CHECKPOINT_TAG);
        w.int64(seq);
        w.raw(HEX.parseHex(recordHashHex));
        w.int64(signedAt.toEpochMilli());
        w.raw(HEX.parseHex(keyId));
        return w.bytes();
    }

    /** Key identifier: hex SM3 of the uncompressed public key 04||x||y. */
    public static String keyId(Sm2PublicKey key) {
        return HEX.formatHex(Sm3.hash(key.uncompressed()));
    }

    /** Whether a string is 64 lower-case hex characters (a stored hash or key id). */
    static boolean isHash(String s) {
        if (s == null || s.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static final class Writer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        Writer(byte[] tag) {
            out.writeBytes(tag);
        }

        void int64(long v) {
            out.writeBytes(ByteBuffer.allocate(8).putLong(v).array());
        }

        void text(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }

        void raw(byte[] b) {
            out.writeBytes(b);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
