package cn.hrss.seal.federation.outbox;

import cn.hrss.seal.core.device.CipherDevice;
import cn.hrss.seal.core.device.soft.SoftCipherDevice;
import cn.hrss.seal.core.message.MessageKind;
import cn.hrss.seal.core.message.TrustList;
import cn.hrss.seal.federation.api.Outbox;
import cn.hrss.seal.testsupport.MutableClock;
import cn.hrss.seal.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A city node sends to its parent through the outbox while the parent is down, restarted and misbehaving. Each
 * test has its own databases and contexts; subclasses choose PostgreSQL or H2.
 */
abstract class FederationOutboxTestBase {
    @TempDir
    Path dir;

    private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();
    private final List<TestDatabase> databases = new ArrayList<>();
    private final AtomicReference<URI> parentAddress = new AtomicReference<>(URI.create("http://127.0.0.1:9"));
    private final MutableClock senderClock = MutableClock.ofSystem();
    private final TestNode.Received received = new TestNode.Received();
    private CipherDevice device;
    private TestNode city;
    private TestNode parent;
    private TestDatabase parentDb;
    private ConfigurableApplicationContext sender;

    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void startSender() {
        device = new SoftCipherDevice(dir.resolve("keys.sks"), new SecureRandom().generateSeed(16),
                "test-device-password".toCharArray());
        city = new TestNode("city", device, senderClock);
        parent = new TestNode("parent", device, java.time.Clock.systemUTC());
        parentDb = database();
        sender = track(TestNode.sender(city, TrustList.of(List.of(parent.trusted())), database(), senderClock,
                parentAddress, Map.of()));
    }

    @AfterEach
    void stopAll() {
        contexts.forEach(ConfigurableApplicationContext::close);
        databases.forEach(TestDatabase::close);
        device.close();
    }

    private TestDatabase database() {
        TestDatabase db = newDatabase();
        databases.add(db);
        return db;
    }

    private ConfigurableApplicationContext track(ConfigurableApplicationContext context) {
        contexts.add(context);
        return context;
    }

    private ConfigurableApplicationContext startParent() {
        ConfigurableApplicationContext receiver = track(TestNode.receiver(parent,
                TrustList.of(List.of(city.trusted())), parentDb, received));
        parentAddress.set(TestNode.baseUri(receiver));
        return receiver;
    }

    private static byte[] change(int n) {
        return ("{\"esId\":\"1101000000000001202600000000000" + n + "\",\"status\":\"SUSPENDED\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String text(int n) {
        return new String(change(n), StandardCharsets.UTF_8);
    }

    private int dispatch() {
        return sender.getBean(OutboxDispatcher.class).dispatchDue();
    }

    private List<OutboxMessage> outbox() {
        return new OutboxStore(JdbcClient.create(sender.getBean(DataSource.class))).all();
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(sender.getBean(PlatformTransactionManager.class)).executeWithoutResult(s -> work.run());
    }

    @Test
    void aParentThatIsDownLosesNothingAndGetsEverythingInOrderOnceAfterRestart() {
        Outbox outbox = sender.getBean(Outbox.class);
        ConfigurableApplicationContext firstRun = startParent();
        inTransaction(() -> outbox.enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, change(0)));
        assertThat(dispatch()).isEqualTo(1);
        firstRun.close();

        inTransaction(() -> IntStream.rangeClosed(1, 5)
                .forEach(n -> outbox.enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, change(n))));
        assertThatThrownBy(() -> inTransaction(() -> {
            outbox.enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, change(9));
            throw new IllegalStateException("the caller's change fails");
        })).hasMessageContaining("caller's change fails");

        assertThat(dispatch()).isZero();
        List<OutboxMessage> afterFailure = outbox();
        assertThat(afterFailure).hasSize(6);
        assertThat(afterFailure.get(1).attempts()).isEqualTo(1);
        assertThat(afterFailure.get(1).lastError()).startsWith("FEDERATION_UNREACHABLE");
        assertThat(afterFailure.get(1).nextAttemptAt()).isAfter(afterFailure.get(1).createdAt());
        assertThat(afterFailure.subList(2, 6)).allSatisfy(m -> assertThat(m.attempts()).isZero());
        // what operators see: five waiting behind the failed head, with its error
        OutboxController.Destination waiting = operatorView();
        assertThat(waiting.pending()).isEqualTo(5);
        assertThat(waiting.delivered()).isEqualTo(1);
        assertThat(waiting.oldestPending()).isEqualTo(afterFailure.get(1).createdAt());
        assertThat(waiting.head().messageId()).isEqualTo(afterFailure.get(1).messageId());
        assertThat(waiting.head().lastError()).startsWith("FEDERATION_UNREACHABLE");

        assertThat(dispatch()).as("backing off").isZero();
        assertThat(outbox().get(1).attempts()).isEqualTo(1);
        senderClock.advance(Duration.ofSeconds(10));
        assertThat(dispatch()).isZero();
        assertThat(outbox().get(1).attempts()).isEqualTo(2);

        startParent();
        senderClock.advance(Duration.ofSeconds(10));
        assertThat(dispatch()).isEqualTo(5);

        assertThat(received.firstDeliveries).containsExactly(text(0), text(1), text(2), text(3), text(4), text(5));
        assertThat(received.calls.get()).isEqualTo(6);
        assertThat(outbox()).allSatisfy(m -> {
            assertThat(m.deliveredAt()).isNotNull();
            assertThat(m.lastError()).isNull();
        });
        assertThat(dispatch()).as("nothing left").isZero();
        OutboxController.Destination caughtUp = operatorView();
        assertThat(caughtUp.pending()).isZero();
        assertThat(caughtUp.delivered()).isEqualTo(6);
        assertThat(caughtUp.head()).isNull();
        assertThat(sender.getBean(OutboxController.class).messages(TestNode.PARENT, false, 3).get("messages"))
                .hasSize(3).allSatisfy(m -> assertThat(m.bodyBytes()).isPositive());
        assertThatThrownBy(() -> sender.getBean(OutboxController.class).messages(null, false, 0))
                .hasMessageContaining("limit");
    }

    private OutboxController.Destination operatorView() {
        return sender.getBean(OutboxController.class).summary().get("destinations").stream()
                .filter(d -> d.destination().equals(TestNode.PARENT)).findFirst().orElseThrow();
    }

    @Test
    void aTamperedResponseIsNotADeliveryAndTheRetryIsDedupedByTheReceiver() {
        startParent();
        Outbox outbox = sender.getBean(Outbox.class);
        String id = outbox.enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, change(1));

        received.tamperResponses.set(true);
        assertThat(dispatch()).isZero();
        OutboxMessage failed = outbox().get(0);
        assertThat(failed.messageId()).isEqualTo(id);
        assertThat(failed.deliveredAt()).isNull();
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).startsWith("MESSAGE_DIGEST_MISMATCH");
        assertThat(received.calls.get()).isEqualTo(1);

        received.tamperResponses.set(false);
        senderClock.advance(Duration.ofSeconds(10));
        assertThat(dispatch()).isEqualTo(1);
        assertThat(received.calls.get()).as("delivered twice").isEqualTo(2);
        assertThat(received.firstDeliveries).as("processed once").containsExactly(text(1));
        assertThat(outbox().get(0).deliveredAt()).isNotNull();
    }

    @Test
    void enqueueRefusesWhatCouldNeverBeDelivered() {
        Outbox outbox = sender.getBean(Outbox.class);
        assertThatThrownBy(() -> outbox.enqueue("nowhere", MessageKind.STATUS_CHANGE, change(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown federation destination");
        assertThatThrownBy(() -> outbox.enqueue(TestNode.PARENT, MessageKind.STATUS_CHANGE, new byte[2 * 1024 * 1024]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(outbox()).isEmpty();
    }
}
