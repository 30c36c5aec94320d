package cn.hrss.seal.anchor.evm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint64;

/**
 * The ABI of solidity/EvidenceAnchorRegistry.sol, and its creation bytecode as compiled in this build by the pinned
 * solc (resource EvidenceAnchorRegistry.json next to this class).
 */
final class RegistryContract {
    static final Event ANCHORED = new Event("Anchored", List.of(
            new TypeReference<Bytes32>(true) { }, new TypeReference<Uint64>(true) { },
            new TypeReference<Bytes32>() { }, new TypeReference<Bytes32>() { }));

    private RegistryContract() {
    }

    /** What {@code recorded(logId, treeSize)} returned. */
    record Recorded(byte[] rootHash, byte[] checkpointDigest, long blockNumber, long blockTime) {
        boolean empty() {
            for (byte b : rootHash) {
                if (b != 0) {
                    return false;
                }
            }
            return true;
        }
    }

    static String creationBytecode() {
        try (InputStream in = RegistryContract.class.getResourceAsStream("EvidenceAnchorRegistry.json")) {
            if (in == null) {
                throw new IllegalStateException("EvidenceAnchorRegistry.json is missing: the build compiles it with solc");
            }
            JsonNode artefact = new ObjectMapper().readTree(in);
            return artefact.get("bytecode").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String anchorCall(byte[] logId, long treeSize, byte[] rootHash, byte[] checkpointDigest) {
        return FunctionEncoder.encode(new Function("anchor", List.of(new Bytes32(logId),
                new Uint64(BigInteger.valueOf(treeSize)), new Bytes32(rootHash), new Bytes32(checkpointDigest)),
                List.of()));
    }

    static Function recordedFunction(byte[] logId, long treeSize) {
        return new Function("recorded", List.of(new Bytes32(logId), new Uint64(BigInteger.valueOf(treeSize))),
                List.of(new TypeReference<Bytes32>() { }, new TypeReference<Bytes32>() { },
                        new TypeReference<Uint64>() { }, new TypeReference<Uint64>() { }));
    }

    @SuppressWarnings("rawtypes")
    static Recorded decodeRecorded(Function function, String returned) {
        List<Type> values = FunctionReturnDecoder.decode(returned, function.getOutputParameters());
        if (values.size() != 4) {
            throw new IllegalStateException("recorded() returned " + values.size() + " values, expected 4");
        }
        return new Recorded(((Bytes32) values.get(0)).getValue(), ((Bytes32) values.get(1)).getValue(),
                ((Uint64) values.get(2)).getValue().longValueExact(), ((Uint64) values.get(3)).getValue().longValueExact());
    }

    static String anchoredTopic() {
        return EventEncoder.encode(ANCHORED);
    }

    static String uint64Topic(long value) {
        return "0x" + String.format("%064x", value);
    }
}
