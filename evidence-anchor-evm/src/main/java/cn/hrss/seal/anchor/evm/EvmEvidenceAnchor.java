package cn.hrss.seal.anchor.evm;

import cn.hrss.seal.core.anchor.AnchorReceipt;
import cn.hrss.seal.core.anchor.AnchoredCheckpoint;
import cn.hrss.seal.core.anchor.EvidenceAnchor;
import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.error.SealException;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.datatypes.Function;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * Anchors checkpoints in the EvidenceAnchorRegistry contract. Each anchoring is first simulated with eth_call, so a
 * conflict or a foreign log id is refused with a stable code before any transaction is sent; then the transaction is
 * signed locally (EIP-155), sent, and waited for until mined.
 */
public final class EvmEvidenceAnchor implements EvidenceAnchor {
    public static final String UNREACHABLE = "ANCHOR_CHAIN_UNREACHABLE";
    public static final String REFUSED = "ANCHOR_REFUSED";
    public static final String NOT_MINED = "ANCHOR_NOT_MINED";

    private final Web3j web3j;
    private final ChainAccount account;
    private final java.util.function.Supplier<String> locator;
    private volatile String contract;
    private final EvmAnchorProperties properties;
    private final RawTransactionManager transactions;
    private final PollingTransactionReceiptProcessor receipts;

    /** @param locator finds (or deploys) the registry on first use, so a node starts while its chain is down */
    EvmEvidenceAnchor(Web3j web3j, ChainAccount account, java.util.function.Supplier<String> locator,
                      EvmAnchorProperties properties) {
        this.web3j = web3j;
        this.account = account;
        this.locator = locator;
        this.properties = properties;
        this.transactions = account == null ? null
                : new RawTransactionManager(web3j, account.credentials(), properties.chainId());
        long poll = Math.max(50, properties.pollInterval().toMillis());
        this.receipts = new PollingTransactionReceiptProcessor(web3j, poll,
                (int) Math.max(1, properties.receiptTimeout().toMillis() / poll));
    }

    @Override
    public String ledger() {
        return properties.ledger();
    }

    @Override
    public String registry() {
        return contractAddress();
    }

    /** The registry this anchor writes to and reads from. */
    public String contractAddress() {
        String c = contract;
        if (c == null) {
            synchronized (this) {
                if (contract == null) {
                    contract = locator.get();
                }
                c = contract;
            }
        }
        return c;
    }

    /**
     * The anchor as a node runs it: the chain account from {@code account-key-file} (created on first use), the
     * registry configured, remembered or deployed on first use.
     */
    public static EvmEvidenceAnchor open(CipherDevice device, EvmAnchorProperties properties) {
        Web3j web3j = Web3j.build(new org.web3j.protocol.http.HttpService(properties.rpcUrl().toString()));
        ChainAccount account = ChainAccount.loadOrCreate(properties.accountKeyFile(), device);
        return new EvmEvidenceAnchor(web3j, account,
                () -> EvmAnchorAutoConfiguration.locate(web3j, account, properties), properties);
    }

    /**
     * Reads what a registry recorded, with no account: what a verifier (the command-line client, a third party) needs
     * to compare a receipt with the chain. {@link #anchor} is refused.
     */
    public static EvmEvidenceAnchor reader(java.net.URI rpcUrl, long chainId, String contractAddress) {
        EvmAnchorProperties properties = new EvmAnchorProperties(rpcUrl, chainId, contractAddress, false,
                java.nio.file.Path.of("unused"), BigInteger.ZERO, BigInteger.ONE, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMillis(500));
        return new EvmEvidenceAnchor(Web3j.build(new org.web3j.protocol.http.HttpService(rpcUrl.toString())), null,
                () -> contractAddress, properties);
    }

    @Override
    public synchronized AnchorReceipt anchor(AnchoredCheckpoint checkpoint) {
        if (account == null) {
            throw refused("this is a read-only view of the registry");
        }
        byte[] logId = HexFormat.of().parseHex(checkpoint.logId());
        Optional<AnchoredCheckpoint> existing = recorded(checkpoint.logId(), checkpoint.treeSize());
        if (existing.isPresent()) {
            if (!existing.get().equals(checkpoint)) {
                throw refused("the chain holds a different root for log " + checkpoint.logId() + " at size "
                        + checkpoint.treeSize());
            }
            return receiptOfEarlierAnchoring(logId, checkpoint.treeSize());
        }
        String data = RegistryContract.anchorCall(logId, checkpoint.treeSize(), checkpoint.rootHash(),
                checkpoint.checkpointDigest());
        EthCall simulated = call(data);
        if (simulated.isReverted() || simulated.hasError()) {
            throw refused("the registry refuses the anchoring: " + revertReason(simulated));
        }
        TransactionReceipt mined = send(data, false);
        if (!mined.isStatusOK()) {
            throw refused("anchoring transaction " + mined.getTransactionHash() + " reverted");
        }
        return receipt(mined.getTransactionHash(), mined.getBlockNumber());
    }

    @Override
    public Optional<AnchoredCheckpoint> recorded(String logId, long treeSize) {
        Function function = RegistryContract.recordedFunction(HexFormat.of().parseHex(logId), treeSize);
        EthCall result = call(org.web3j.abi.FunctionEncoder.encode(function));
        if (result.hasError() || result.isReverted()) {
            throw new SealException(UNREACHABLE, 503, "recorded() failed on " + contractAddress() + ": " + revertReason(result));
        }
        RegistryContract.Recorded r = RegistryContract.decodeRecorded(function, result.getValue());
        return r.empty() ? Optional.empty()
                : Optional.of(new AnchoredCheckpoint(logId, treeSize, r.rootHash(), r.checkpointDigest()));
    }

    /** Deploys a new registry and returns its address. */
    static String deploy(Web3j web3j, ChainAccount account, EvmAnchorProperties properties) {
        EvmEvidenceAnchor deployer = new EvmEvidenceAnchor(web3j, account, () -> null, properties);
        TransactionReceipt mined = deployer.send(RegistryContract.creationBytecode(), true);
        if (!mined.isStatusOK() || mined.getContractAddress() == null) {
            throw refused("deploying the registry failed in transaction " + mined.getTransactionHash());
        }
        return mined.getContractAddress();
    }

    private TransactionReceipt send(String data, boolean creation) {
        try {
            EthSendTransaction sent = transactions.sendTransaction(properties.gasPrice(),
                    creation ? properties.gasLimit().max(BigInteger.valueOf(1_500_000)) : properties.gasLimit(),
                    creation ? null : contractAddress(), data, BigInteger.ZERO, creation);
            if (sent.hasError()) {
                throw refused("the chain refused the transaction: " + sent.getError().getMessage());
            }
            return receipts.waitForTransactionReceipt(sent.getTransactionHash());
        } catch (TransactionException e) {
            throw new SealException(NOT_MINED, 503, "not mined within " + properties.receiptTimeout() + ": "
                    + e.getMessage(), Map.of(), e);
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private EthCall call(String data) {
        try {
            return web3j.ethCall(Transaction.createEthCallTransaction(account == null ? null : account.address(), contractAddress(), data),
                    DefaultBlockParameterName.LATEST).send();
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private AnchorReceipt receiptOfEarlierAnchoring(byte[] logId, long treeSize) {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, contractAddress())
                .addSingleTopic(RegistryContract.anchoredTopic())
                .addSingleTopic("0x" + HexFormat.of().formatHex(logId))
                .addSingleTopic(RegistryContract.uint64Topic(treeSize));
        try {
            List<EthLog.LogResult> logs = web3j.ethGetLogs(filter).send().getLogs();
            if (logs == null || logs.isEmpty()) {
                throw refused("the registry holds the checkpoint but no Anchored event was found");
            }
            Log event = (Log) logs.get(0).get();
            return receipt(event.getTransactionHash(), event.getBlockNumber());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private AnchorReceipt receipt(String transactionHash, BigInteger blockNumber) {
        try {
            BigInteger time = web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(blockNumber), false).send()
                    .getBlock().getTimestamp();
            return new AnchorReceipt(ledger(), contractAddress(), transactionHash, blockNumber.longValueExact(),
                    Instant.ofEpochSecond(time.longValueExact()));
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private static String revertReason(EthCall call) {
        if (call.hasError()) {
            return call.getError().getMessage();
        }
        String reason = call.getRevertReason();
        return reason != null ? reason : "reverted (" + call.getValue() + ")";
    }

    private static SealException refused(String message) {
        return new SealException(REFUSED, 409, message);
    }

    private static SealException unreachable(IOException e) {
        return new SealException(UNREACHABLE, 503, "the chain node does not answer: " + e.getMessage(), Map.of(), e);
    }
}
