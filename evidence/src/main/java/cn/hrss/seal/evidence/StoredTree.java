package cn.hrss.seal.evidence;

import cn.hrss.seal.core.merkle.MerkleHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes;
import cn.hrss.seal.core.merkle.SubtreeHashes.Position;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The log's tree as stored: leaf hashes (level 0, {@code evidence_leaf}) and complete subtree hashes of level 1 and
 * up ({@code evidence_node}). Roots and proofs of any tree size read O(log n) rows in at most two queries.
 */
final class StoredTree {
    private static final byte[] UNREAD = new byte[MerkleHashes.SIZE];
    private final JdbcTemplate jdbc;

    StoredTree(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    byte[] root(long treeSize) {
        return compute(tree -> tree.root(treeSize));
    }

    List<byte[]> inclusionProof(long index, long treeSize) {
        return compute(tree -> tree.inclusionProof(index, treeSize));
    }

    List<byte[]> consistencyProof(long first, long second) {
        return compute(tree -> tree.consistencyProof(first, second));
    }

    /**
     * Runs {@code f} once to learn which stored hashes it reads (they depend on sizes and indexes only, not on hash
     * values), loads them together, and runs it again on them: two queries instead of one per hash.
     */
    private <T> T compute(Function<SubtreeHashes, T> f) {
        Set<Position> wanted = new LinkedHashSet<>();
        f.apply(new SubtreeHashes((level, index) -> {
            wanted.add(new Position(level, index));
            return UNREAD;
        }));
        Map<Position, byte[]> found = load(wanted);
        return f.apply(new SubtreeHashes((level, index) -> get(found, level, index)));
    }

    static byte[] get(Map<Position, byte[]> found, int level, long index) {
        byte[] hash = found.get(new Position(level, index));
        if (hash == null) {
            throw new IllegalStateException("evidence storage lacks subtree (" + level + ", " + index + ")");
        }
        return hash;
    }

    /** The stored hashes at these positions; missing ones are simply absent. */
    Map<Position, byte[]> load(Collection<Position> positions) {
        Map<Position, byte[]> found = new HashMap<>();
        List<Object> leaves = new ArrayList<>();
        List<Object> nodes = new ArrayList<>();
        for (Position p : positions) {
            if (p.level() == 0) {
                leaves.add(p.index());
            } else {
                nodes.add(p.level());
                nodes.add(p.index());
            }
        }
        if (!leaves.isEmpty()) {
            jdbc.query("SELECT idx, leaf_hash FROM evidence_leaf WHERE idx IN (" + marks("?", leaves.size()) + ")",
                    rs -> {
                        found.put(new Position(0, rs.getLong(1)), HexFormat.of().parseHex(rs.getString(2)));
                    }, leaves.toArray());
        }
        if (!nodes.isEmpty()) {
            // one primary-key lookup per position: H2 reads a disjunction of (level, idx) pairs by scanning the
            // whole table, which grows with the log
            jdbc.query(Stream.generate(() -> "SELECT level, idx, hash FROM evidence_node WHERE level = ? AND idx = ?")
                    .limit(nodes.size() / 2).collect(Collectors.joining(" UNION ALL ")), rs -> {
                        found.put(new Position(rs.getInt(1), rs.getLong(2)), HexFormat.of().parseHex(rs.getString(3)));
                    }, nodes.toArray());
        }
        return found;
    }

    private static String marks(String one, int n) {
        return Stream.generate(() -> one).limit(n).collect(Collectors.joining(", "));
    }
}
