// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.28;

/// @title Evidence anchor registry of the HRSS e-seal evidence logs (docs/EVIDENCE.md, "Chain anchoring").
/// @notice Records (log id, tree size) -> (SM3 root hash, SM3 digest of the signed checkpoint). A record is written
///         once and never changed; the first account that anchors a log id is the only one that may anchor it again
///         (the chain cannot check SM2 signatures, so the log id is bound to its node's chain account on first use).
contract EvidenceAnchorRegistry {
    struct Anchor {
        bytes32 rootHash;
        bytes32 checkpointDigest;
        uint64 blockNumber;
        uint64 blockTime;
    }

    mapping(bytes32 => mapping(uint64 => Anchor)) private anchors;
    mapping(bytes32 => address) public submitterOf;

    event Anchored(bytes32 indexed logId, uint64 indexed treeSize, bytes32 rootHash, bytes32 checkpointDigest);

    error NotTheLogSubmitter(bytes32 logId, address submitter);
    error ConflictingAnchor(bytes32 logId, uint64 treeSize, bytes32 recordedRoot);
    error EmptyRoot();

    /// Idempotent for the same values; a different root or digest for a recorded (log, size) reverts.
    function anchor(bytes32 logId, uint64 treeSize, bytes32 rootHash, bytes32 checkpointDigest) external {
        if (rootHash == bytes32(0)) revert EmptyRoot();
        address submitter = submitterOf[logId];
        if (submitter == address(0)) {
            submitterOf[logId] = msg.sender;
        } else if (submitter != msg.sender) {
            revert NotTheLogSubmitter(logId, submitter);
        }
        Anchor storage existing = anchors[logId][treeSize];
        if (existing.rootHash != bytes32(0)) {
            if (existing.rootHash != rootHash || existing.checkpointDigest != checkpointDigest) {
                revert ConflictingAnchor(logId, treeSize, existing.rootHash);
            }
            return;
        }
        anchors[logId][treeSize] = Anchor(rootHash, checkpointDigest, uint64(block.number), uint64(block.timestamp));
        emit Anchored(logId, treeSize, rootHash, checkpointDigest);
    }

    /// What was anchored for (log, size); all zero when nothing was.
    function recorded(bytes32 logId, uint64 treeSize)
        external view returns (bytes32 rootHash, bytes32 checkpointDigest, uint64 blockNumber, uint64 blockTime)
    {
        Anchor storage a = anchors[logId][treeSize];
        return (a.rootHash, a.checkpointDigest, a.blockNumber, a.blockTime);
    }
}
