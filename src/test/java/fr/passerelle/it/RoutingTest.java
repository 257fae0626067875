package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.config.RoutingMode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RoutingTest {
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private void start(Vertx vertx, RoutingMode mode, Duration offerTimeout) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ROUTING_MODE", mode.name(),
        "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "100",
        "PASSERELLE_ROUTING_OFFER_TIMEOUT", offerTimeout.toSeconds() + "s",
        "PASSERELLE_ROUTING_LANGUAGE_FALLBACK", "1h"));
  }

  private static String entry(JsonObject queue, int index) {
    return queue.getJsonArray("entries").getJsonObject(index).getString("entry");
  }

  @Test
  void workersSeeTheQueueInArrivalOrderAsMetadataOnly(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    VisitorClient first = node.visitor("fr");
    await(first.join(List.of("fr"), "a2V5"));
    VisitorClient second = node.visitor("en");
    await(second.join(List.of("en", "fr"), "a2V5"));
    WorkerClient worker = node.worker("camille");
    JsonObject queue = await(worker.queueWithAtLeast(2));
    JsonObject head = queue.getJsonArray("entries").getJsonObject(0);
    assertThat(head.getJsonArray("languages")).containsExactly("fr");
    assertThat(head.fieldNames()).doesNotContain("session", "sessionId", "visitorKey");
    assertThat(queue.encode()).doesNotContain(first.session()).doesNotContain(second.session());
    assertThat(queue.getJsonArray("entries").getJsonObject(1).getJsonArray("languages")).containsExactly("en", "fr");
  }

  @Test
  void aWorkerSeesAtMostFiftyEntriesTheyCanTakeFirstWithTheTotals(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    for (int i = 0; i < 55; i++) {
      await(node.visitor("zh").join(List.of("zh"), "a2V5"));
    }
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    WorkerClient camille = node.worker("camille");
    JsonObject queue = await(camille.channel().next(f -> "queue".equals(f.getString("type"))
        && f.getInteger("waiting") == 56, Duration.ofSeconds(10)));
    assertThat(queue.getInteger("eligible")).isEqualTo(1);
    assertThat(queue.getJsonArray("entries")).hasSize(50);
    assertThat(queue.getJsonArray("entries").getJsonObject(0).getJsonArray("languages")).containsExactly("fr");
  }

  @Test
  void aWorkerCannotTakeAVisitorWithoutACommonLanguage(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    VisitorClient visitor = node.visitor("ro");
    await(visitor.join(List.of("ro"), "a2V5"));
    WorkerClient camille = node.worker("camille");
    JsonObject queue = await(camille.queueWithAtLeast(1));
    assertThat(queue.getJsonArray("entries").getJsonObject(0).getBoolean("eligible")).isFalse();
    assertThatThrownBy(() -> await(camille.accept(entry(queue, 0)))).hasMessageContaining("not_eligible");
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    assertThat(await(ioana.accept(entry(queue, 0))).getJsonArray("languages")).containsExactly("ro");
  }

  @Test
  void aWorkerTakesNoMoreConversationsThanTheirCapacity(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    for (int i = 0; i < 3; i++) {
      await(node.visitor("ro").join(List.of("ro"), "a2V5"));
    }
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    JsonObject queue = await(ioana.queueWithAtLeast(3));
    await(ioana.accept(entry(queue, 0)));
    await(ioana.accept(entry(queue, 1)));
    assertThatThrownBy(() -> await(ioana.accept(entry(queue, 2)))).hasMessageContaining("at_capacity");
  }

  @Test
  void aFlaggedVisitorSentBackToTheQueueGoesAheadAndOnlyToSkilledWorkers(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    VisitorClient early = node.visitor("fr");
    await(early.join(List.of("fr"), "a2V5"));
    VisitorClient flagged = node.visitor("fr");
    await(flagged.join(List.of("fr"), "a2V5"));
    WorkerClient camille = node.worker("camille");
    await(camille.available());
    JsonObject queue = await(camille.queueWithAtLeast(2));
    String conversation = await(camille.accept(entry(queue, 1))).getString("conversation");
    camille.channel().send(new JsonObject().put("type", "flag").put("conversation", conversation)
        .put("flag", "possible-minor"));
    assertThat(await(camille.channel().next("flagged")).getInteger("priority")).isEqualTo(1);
    await(camille.transfer(conversation, Optional.empty()));
    assertThat(await(flagged.channel().next("transferred")).getString("to")).isEqualTo("queue");

    JsonObject requeued = await(camille.channel().next(f -> "queue".equals(f.getString("type"))
        && f.getJsonArray("entries").size() == 2 && f.encode().contains("possible-minor"), Duration.ofSeconds(10)));
    JsonObject head = requeued.getJsonArray("entries").getJsonObject(0);
    assertThat(head.getJsonArray("flags")).containsExactly("possible-minor");
    WorkerClient ioana = node.worker("ioana");
    JsonObject seenByIoana = await(ioana.queueWithAtLeast(2));
    assertThat(seenByIoana.getInteger("eligible")).isEqualTo(1);
    JsonObject flaggedForIoana = seenByIoana.getJsonArray("entries").getJsonObject(1);
    assertThat(flaggedForIoana.getJsonArray("flags")).containsExactly("possible-minor");
    assertThat(flaggedForIoana.getBoolean("eligible")).as("ioana lacks the possible-minor skill").isFalse();
  }

  @Test
  void pushModeOffersToAnAvailableWorkerAndATimedOutOfferGoesToAnother(Vertx vertx) {
    start(vertx, RoutingMode.PUSH, Duration.ofSeconds(1));
    WorkerClient camille = node.worker("camille");
    await(camille.available());
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "a2V5"));
    JsonObject offer = await(camille.channel().next("offer"));
    assertThat(offer.getJsonArray("languages")).containsExactly("fr");
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    node.clock().advance(Duration.ofSeconds(2));
    JsonObject withdrawn = await(camille.channel().next("offer-withdrawn"));
    assertThat(withdrawn.getString("entry")).isEqualTo(offer.getString("entry"));
    assertThat(withdrawn.getString("reason")).isEqualTo("timeout");
    JsonObject second = await(ioana.channel().next("offer"));
    assertThat(second.getString("entry")).isEqualTo(offer.getString("entry"));
    assertThat(await(ioana.accept(second.getString("entry"))).getString("conversation")).isNotBlank();
    assertThat(await(visitor.channel().next("assigned")).getJsonObject("worker").getString("pseudonym"))
        .isEqualTo("Ioana");
  }

  @Test
  void aDeclinedOfferStaysInTheQueueAtItsPlace(Vertx vertx) {
    start(vertx, RoutingMode.BOTH, Duration.ofSeconds(30));
    WorkerClient camille = node.worker("camille");
    await(camille.available());
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    String entry = await(camille.channel().next("offer")).getString("entry");
    camille.channel().send(new JsonObject().put("type", "decline").put("entry", entry));
    assertThat(await(camille.channel().next("declined")).getString("entry")).isEqualTo(entry);
    JsonObject queue = await(camille.channel().next(f -> "queue".equals(f.getString("type"))
        && f.getJsonArray("entries").size() == 1
        && !f.getJsonArray("entries").getJsonObject(0).getBoolean("offeredToMe"), Duration.ofSeconds(10)));
    assertThat(entry(queue, 0)).isEqualTo(entry);
    assertThat(await(camille.accept(entry)).getString("conversation")).isNotBlank();
  }

  @Test
  void pushModeSpreadsVisitorsSoNoWorkerGetsASecondBeforeTheOtherHasOne(Vertx vertx) {
    start(vertx, RoutingMode.PUSH, Duration.ofSeconds(30));
    WorkerClient camille = node.worker("camille");
    WorkerClient ioana = node.worker("ioana");
    await(camille.available());
    await(ioana.available());
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    String a = await(camille.channel().next("offer")).getString("entry");
    String b = await(ioana.channel().next("offer")).getString("entry");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void inPushModeAWorkerCannotPickAVisitorNotOfferedToThem(Vertx vertx) {
    start(vertx, RoutingMode.PUSH, Duration.ofSeconds(30));
    VisitorClient visitor = node.visitor("ro");
    await(visitor.join(List.of("ro"), "a2V5"));
    WorkerClient camille = node.worker("camille");
    JsonObject queue = await(camille.queueWithAtLeast(1));
    assertThatThrownBy(() -> await(camille.accept(entry(queue, 0)))).hasMessageContaining("forbidden");
  }

  @Test
  void declineNeedsAnOfferToThisWorker(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    WorkerClient camille = node.worker("camille");
    String entry = entry(await(camille.queueWithAtLeast(1)), 0);
    camille.channel().send(new JsonObject().put("type", "decline").put("entry", entry));
    assertThat(await(camille.channel().next("error")).getString("code")).isEqualTo("unknown_entry");
    assertThat(await(camille.accept(entry)).getString("conversation")).isNotBlank();
  }

  @Test
  void aTransferredConversationIsAnnouncedToTheNewWorkerBeforeItsFirstEnvelope(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    String ioanaId = await(camille.colleague("Ioana")).getString("id");
    camille.channel().send(new JsonObject().put("type", "transfer").put("conversation", conversation)
        .put("to", ioanaId));
    await(visitor.channel().next(f -> "assigned".equals(f.getString("type"))
        && !conversation.equals(f.getString("conversation")), Duration.ofSeconds(10)));
    await(visitor.send("right-away", "", "AA=="));

    JsonObject first = await(ioana.channel().next(f -> "assigned".equals(f.getString("type"))
        || "envelope".equals(f.getString("type")), Duration.ofSeconds(10)));
    assertThat(first.getString("type")).isEqualTo("assigned");
    assertThat(await(ioana.channel().next("envelope")).getString("id")).isEqualTo("right-away");
  }

  @Test
  void aTransferToAColleagueStartsANewConversationAndCarriesTheNote(Vertx vertx) {
    start(vertx, RoutingMode.PULL, Duration.ofSeconds(30));
    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);
    await(visitor.channel().next("assigned"));
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    String ioanaId = await(camille.colleague("Ioana")).getString("id");
    camille.channel().send(new JsonObject().put("type", "transfer").put("conversation", conversation)
        .put("to", ioanaId).put("note", "bm90ZQ=="));
    assertThat(await(camille.channel().next("transferred")).getString("to")).isEqualTo("worker");
    JsonObject assigned = await(ioana.channel().next("assigned"));
    assertThat(assigned.getBoolean("transferred")).isTrue();
    assertThat(assigned.getString("note")).isEqualTo("bm90ZQ==");
    assertThat(assigned.getString("conversation")).isNotEqualTo(conversation);
    assertThat(await(visitor.channel().next("transferred")).getString("to")).isEqualTo("worker");
    JsonObject visitorAssigned = await(visitor.channel().next("assigned"));
    assertThat(visitorAssigned.getString("conversation")).isEqualTo(assigned.getString("conversation"));
    assertThat(visitorAssigned.getJsonObject("worker").getString("pseudonym")).isEqualTo("Ioana");

    visitor.channel().send(new JsonObject().put("type", "key").put("publicKey", "bmV3LWtleQ=="));
    assertThat(await(ioana.channel().next("visitor-key")).getString("publicKey")).isEqualTo("bmV3LWtleQ==");
    await(visitor.send("after-transfer", "", "aGk="));
    assertThat(await(ioana.channel().next("envelope")).getString("id")).isEqualTo("after-transfer");
  }
}
