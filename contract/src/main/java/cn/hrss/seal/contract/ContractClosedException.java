package cn.hrss.seal.contract;

import cn.hrss.seal.core.error.SealException;
import java.util.Map;

/**
 * 409 {@code CONTRACT_NOT_IN_PROGRESS}. Transactions let it pass without rollback: a contract found expired on
 * the way is expired for good, even though the refused change is not made.
 */
class ContractClosedException extends SealException {
    ContractClosedException(String id, ContractStore.Status status) {
        super(Contracts.NOT_IN_PROGRESS, 409, "contract " + id + " is " + status, Map.of("status", status.name()),
                null);
    }
}
