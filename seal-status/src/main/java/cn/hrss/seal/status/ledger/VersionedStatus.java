package cn.hrss.seal.status.ledger;

import cn.hrss.seal.status.api.SealStatusRecord;

/** A cached status with the seal's version, so an older answer never replaces a newer one. 0 means not registered. */
record VersionedStatus(long version, SealStatusRecord record) {
}
