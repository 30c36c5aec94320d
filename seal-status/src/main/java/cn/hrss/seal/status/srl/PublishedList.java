package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.persistence.RevocationListEntity;
import cn.hrss.seal.status.publish.StatusSignature;

import java.time.Instant;

/**
 * One published revocation list: the document bytes and their detached signature. The document is not copied on
 * the way out (10^5 entries are megabytes); nothing in this package modifies it.
 */
final class PublishedList {
    private final long number;
    private final Instant thisUpdate;
    private final Instant nextUpdate;
    private final int entryCount;
    private final byte[] document;
    private final StatusSignature signature;

    PublishedList(long number, Instant thisUpdate, Instant nextUpdate, int entryCount, byte[] document,
                  StatusSignature signature) {
        this.number = number;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.entryCount = entryCount;
        this.document = document;
        this.signature = signature;
    }

    static PublishedList of(RevocationListEntity row) {
        return new PublishedList(row.getNumber(), row.getThisUpdate(), row.getNextUpdate(), row.getEntryCount(),
                row.getDocument(), new StatusSignature(row.getSignature(), row.getSignerCertId()));
    }

    RevocationListEntity toEntity() {
        RevocationListEntity row = new RevocationListEntity();
        row.setNumber(number);
        row.setThisUpdate(thisUpdate);
        row.setNextUpdate(nextUpdate);
        row.setEntryCount(entryCount);
        row.setSignerCertId(signature.signerCertId());
        row.setDocument(document);
        row.setSignature(signature.der());
        return row;
    }

    long number() {
        return number;
    }

    Instant thisUpdate() {
        return thisUpdate;
    }

    Instant nextUpdate() {
        return nextUpdate;
    }

    int entryCount() {
        return entryCount;
    }

    byte[] document() {
        return document;
    }

    StatusSignature signature() {
        return signature;
    }
}
