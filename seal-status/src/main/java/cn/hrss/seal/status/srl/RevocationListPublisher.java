package cn.hrss.seal.status.srl;

import cn.hrss.seal.status.persistence.ListedEntryRow;
import cn.hrss.seal.status.persistence.RevocationListEntity;
import cn.hrss.seal.status.persistence.RevocationListMapper;
import cn.hrss.seal.status.persistence.SealStatusMapper;
import cn.hrss.seal.status.publish.StatusSigner;
import org.apache.ibatis.cursor.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Builds, signs and stores seal revocation lists. Entries stream from a database cursor into the document bytes,
 * so no list of row objects is ever held. Numbers are the stored maximum + 1, taken under the publication lock.
 */
final class RevocationListPublisher {
    private static final Logger log = LoggerFactory.getLogger(RevocationListPublisher.class);

    private final SealStatusMapper seals;
    private final RevocationListMapper lists;
    private final StatusSigner signer;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String issuer;
    private final Duration validity;
    private final Duration checkInterval;
    private final int retained;
    private final ReentrantLock publishing = new ReentrantLock();
    private final AtomicReference<PublishedList> latest = new AtomicReference<>();

    RevocationListPublisher(SealStatusMapper seals, RevocationListMapper lists, StatusSigner signer,
                            TransactionTemplate transactions, Clock clock, String issuer, Duration validity,
                            Duration checkInterval, int retained) {
        this.seals = seals;
        this.lists = lists;
        this.signer = signer;
        this.transactions = transactions;
        this.clock = clock;
        this.issuer = issuer;
        this.validity = validity;
        this.checkInterval = checkInterval;
        this.retained = retained;
    }

    /**
     * Publishes a new list from the current statuses. One transaction holds the database publication lock while it
     * numbers, streams, signs and stores the list, so publications from all nodes are serialised and numbers follow
     * the order of the snapshots.
     */
    PublishedList publish() {
        publishing.lock();
        try {
            PublishedList list = transactions.execute(tx -> {
                lists.lockPublication();
                Long last = lists.findLatestNumber();
                PublishedList built = build(last == null ? 1 : last + 1);
                lists.insert(built.toEntity());
                if (built.number() > retained) {
                    lists.deleteUpTo(built.number() - retained);
                }
                return built;
            });
            remember(list);
            log.info("published seal revocation list {} with {} entries", list.number(), list.entryCount());
            return list;
        } finally {
            publishing.unlock();
        }
    }

    /** The newest stored list; publishes the first one if there is none yet. */
    PublishedList current() {
        Long number = lists.findLatestNumber();
        if (number == null) {
            return publish();
        }
        return byNumber(number).orElseGet(this::publish);
    }

    /** A retained list by number. */
    Optional<PublishedList> byNumber(long number) {
        PublishedList known = latest.get();
        if (known != null && known.number() == number) {
            return Optional.of(known);
        }
        RevocationListEntity row = lists.selectById(number);
        if (row == null) {
            return Optional.empty();
        }
        PublishedList loaded = PublishedList.of(row);
        remember(loaded);
        return Optional.of(loaded);
    }

    /** Whether the newest list runs out before the next check (or there is none). */
    boolean due() {
        Instant nextUpdate = lists.findLatestNextUpdate();
        return nextUpdate == null || !clock.instant().plus(checkInterval).isBefore(nextUpdate);
    }

    private PublishedList build(long number) {
        Instant thisUpdate = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        RevocationListWriter.Header header = new RevocationListWriter.Header(issuer, signer.signerCertId(), number,
                thisUpdate, thisUpdate.plus(validity));
        ByteArrayOutputStream document = new ByteArrayOutputStream(64 * 1024);
        // runs inside publish()'s transaction, which PostgreSQL needs to honour the cursor's fetch size
        int count;
        try (Cursor<ListedEntryRow> entries = seals.streamListed()) {
            count = RevocationListWriter.write(header, entries.iterator(), document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = document.toByteArray();
        return new PublishedList(number, thisUpdate, header.nextUpdate(), count, bytes, signer.sign(bytes));
    }

    private void remember(PublishedList list) {
        latest.accumulateAndGet(list, (known, candidate) ->
                known == null || candidate.number() > known.number() ? candidate : known);
    }
}
