package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditQuery;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each retention setting, enforced by the purge: {@code session}, {@code resumeGrace}, {@code envelope},
 * {@code endedGrace}, {@code audit} here; {@code mailbox} in MailboxRoutesTest; {@code purgeInterval} drives the timer.
 */
@ExtendWith(VertxExtension.class)
class RetentionTest {
  private TestNode node;
  private Stores stores;

  @BeforeEach
  void start(Vertx vertx) {
    // Purges run when the test says so, not on a timer.
    node = TestNode.start(vertx, Map.of("PASSERELLE_RETENTION_PURGE_INTERVAL", "1h"));
    stores = node.node().services().stores();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void anEndedConversationsEnvelopesAreDeletedAfterTheGracePeriod() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    await(visitor.send("unread", "", "AAAA"));
    await(worker.end(conversation));
    await(node.node().purge().runOnce());
    assertThat(await(stores.conversations().find(conversation))).as("kept during the grace period").isPresent();

    node.clock().advance(Duration.ofMinutes(3));
    await(node.node().purge().runOnce());
    assertThat(await(stores.conversations().find(conversation))).isEmpty();
  }

  @Test
  void aVisitorWhoDoesNotComeBackWithinTheResumeGraceIsForgotten() {
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "a2V5"));
    await(visitor.channel().close());
    TestNode.eventually(() -> await(stores.sessions().find(visitor.session(), node.clock().instant()))
        .map(s -> s.expiresAt().isBefore(node.clock().instant().plus(Duration.ofMinutes(11)))).orElse(false));

    node.clock().advance(Duration.ofMinutes(11));
    await(node.node().purge().runOnce());
    assertThat(await(stores.sessions().find(visitor.session(), node.clock().instant()))).isEmpty();
    assertThat(await(stores.queue().waiting())).isEmpty();
  }

  @Test
  void theWorkerIsToldWhenTheirVisitorsSessionExpires() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    await(visitor.channel().close());
    node.clock().advance(Duration.ofMinutes(11));
    await(node.node().purge().runOnce());
    assertThat(await(worker.channel().next("visitor-left")).getString("conversation")).isEqualTo(conversation);
    assertThat(await(stores.conversations().activeFor(await(stores.staff().findByUsername("camille"))
        .orElseThrow().id()))).isEmpty();
  }

  @Test
  void undeliveredEnvelopesExpireAfterTheEnvelopeRetention() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    await(visitor.send("old", "", "AAAA"));
    node.clock().advance(Duration.ofHours(25));
    await(node.node().purge().runOnce());
    assertThat(await(stores.conversations().after(conversation, fr.passerelle.conversation.Party.WORKER, 0)))
        .isEmpty();
  }

  @Test
  void aConnectedVisitorIdleLongerThanTheSessionRetentionIsForgotten() {
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "a2V5"));
    TestNode.eventually(() -> await(stores.sessions().find(visitor.session(), node.clock().instant()))
        .map(s -> s.expiresAt().isAfter(node.clock().instant().plus(Duration.ofHours(11)))).orElse(false));

    node.clock().advance(Duration.ofHours(11));
    await(node.node().purge().runOnce());
    assertThat(await(stores.sessions().find(visitor.session(), node.clock().instant()))).as("idle 11 h").isPresent();

    node.clock().advance(Duration.ofHours(1).plusSeconds(1));
    await(node.node().purge().runOnce());
    assertThat(await(stores.sessions().find(visitor.session(), node.clock().instant()))).isEmpty();
    assertThat(await(stores.queue().waiting())).isEmpty();
  }

  @Test
  void auditEntriesGoAfterTheAuditRetentionOf180DaysByDefault() {
    node.token("camille");
    node.clock().advance(Duration.ofDays(180).minusSeconds(1));
    await(node.node().purge().runOnce());
    assertThat(auditEntries()).isEqualTo(1);

    node.clock().advance(Duration.ofSeconds(2));
    await(node.node().purge().runOnce());
    assertThat(auditEntries()).isZero();
  }

  private int auditEntries() {
    return await(stores.audit().find(new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 100, Optional.empty()))).entries().size();
  }

  @Test
  void thePurgeRunsByItselfEveryPurgeInterval(Vertx vertx) {
    TestNode quick = TestNode.start(vertx, Map.of("PASSERELLE_RETENTION_PURGE_INTERVAL", "50ms"));
    try {
      quick.token("camille");
      quick.clock().advance(Duration.ofDays(181));
      TestNode.eventually(() -> await(quick.node().services().stores().audit().find(new AuditQuery(Optional.empty(),
          Optional.empty(), Optional.empty(), Optional.empty(), 1, Optional.empty()))).entries().isEmpty());
    } finally {
      quick.close();
    }
  }
}
