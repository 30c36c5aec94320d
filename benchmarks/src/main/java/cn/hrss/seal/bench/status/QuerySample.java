package cn.hrss.seal.bench.status;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * The questions the query benchmarks ask, drawn once per fork so that building them is not measured: random seals of
 * a {@link SealTable} (uniform over the whole table, fixed seed) and, for at-time queries, a random time between
 * each seal's registration and the table's now (so a revoked seal is asked about before and after its revocation).
 */
final class QuerySample {
    /** A power of two, so a cursor wraps with a mask. */
    static final int SIZE = 1 << 16;
    private static final long SEED = 0x5EA15EA1L;

    private final int[] seals = new int[SIZE];
    private final String[] esIds = new String[SIZE];
    private final Instant[] times = new Instant[SIZE];

    QuerySample(SealTable table) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int k = 0; k < SIZE; k++) {
            int i = random.nextInt(table.seals());
            seals[k] = i;
            esIds[k] = table.esId(i);
            long from = table.registeredAt(i).toEpochMilli();
            times[k] = Instant.ofEpochMilli(random.nextLong(from, table.now().toEpochMilli() + 1));
        }
    }

    int seal(int k) {
        return seals[k & (SIZE - 1)];
    }

    String esId(int k) {
        return esIds[k & (SIZE - 1)];
    }

    Instant time(int k) {
        return times[k & (SIZE - 1)];
    }
}
