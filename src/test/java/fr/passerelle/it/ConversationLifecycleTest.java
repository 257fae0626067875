package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ConversationLifecycleTest {
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** A visitor waiting in French, taken by camille; returns the conversation id. */
  static String connect(VisitorClient visitor, WorkerClient worker) {
    await(visitor.join(List.of("fr"), "dmlzaXRvci1rZXk="));
    await(worker.available());
    JsonObject queue = await(worker.queueWithAtLeast(1));
    String entry = queue.getJsonArray("entries").getJsonObject(0).getString("entry");
    JsonObject assigned = await(worker.accept(entry));
    assertThat(assigned.getString("visitorKey")).isEqualTo("dmlzaXRvci1rZXk=");
    return assigned.getString("conversation");
  }

  @Test
  void visitorAndWorkerExchangeEnvelopesInOrderThenTheWorkerEnds() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = connect(visitor, worker);
    JsonObject assigned = await(visitor.channel().next("assigned"));
    assertThat(assigned.getString("conversation")).isEqualTo(conversation);
    assertThat(assigned.getJsonObject("worker").getString("pseudonym")).isEqualTo("Camille");

    for (int i = 1; i <= 3; i++) {
      assertThat(await(visitor.send("v" + i, "", "Ym9keQ" + i)).getLong("seq")).isEqualTo(i);
    }
    List<Long> seqs = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      JsonObject envelope = await(worker.channel().next("envelope"));
      assertThat(envelope.getString("from")).isEqualTo("visitor");
      assertThat(envelope.getString("body")).isEqualTo("Ym9keQ" + i);
      seqs.add(envelope.getLong("seq"));
    }
    assertThat(seqs).containsExactly(1L, 2L, 3L);

    await(worker.send(conversation, "w1", "aGVhZA==", "cmVwbHk="));
    JsonObject reply = await(visitor.channel().next("envelope"));
    assertThat(reply.getString("from")).isEqualTo("worker");
    assertThat(reply.getLong("seq")).isEqualTo(4);
    assertThat(reply.getString("header")).isEqualTo("aGVhZA==");

    await(worker.end(conversation));
    assertThat(await(visitor.channel().next("ended")).getString("conversation")).isEqualTo(conversation);
  }

  @Test
  void anEnvelopeSentTwiceIsStoredAndDeliveredOnce() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = connect(visitor, worker);
    JsonObject first = await(visitor.send("same-id", "", "b25jZQ=="));
    JsonObject again = await(visitor.send("same-id", "", "b25jZQ=="));
    assertThat(first.getBoolean("duplicate")).isFalse();
    assertThat(again.getBoolean("duplicate")).isTrue();
    assertThat(again.getLong("seq")).isEqualTo(first.getLong("seq"));
    await(visitor.send("next-id", "", "dHdpY2U="));
    assertThat(await(worker.channel().next("envelope")).getString("id")).isEqualTo("same-id");
    assertThat(await(worker.channel().next("envelope")).getString("id")).isEqualTo("next-id");
    var stored = await(node.node().services().stores().conversations().after(conversation,
        fr.passerelle.conversation.Party.WORKER, 0));
    assertThat(stored).extracting(e -> e.id()).containsExactly("same-id", "next-id");
  }

  @Test
  void aWorkerWhoReconnectsGetsEverythingNotAcknowledgedAndNothingElse() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = connect(visitor, worker);
    await(visitor.send("a", "", "YQ=="));
    await(visitor.send("b", "", "Yg=="));
    JsonObject a = await(worker.channel().next("envelope"));
    await(worker.channel().next("envelope"));
    await(worker.ack(conversation, a.getLong("seq")));
    await(worker.channel().close());

    await(visitor.send("c", "", "Yw=="));
    JsonObject ready = await(worker.connect());
    assertThat(ready.getJsonArray("conversations").getJsonObject(0).getString("conversation"))
        .isEqualTo(conversation);
    // How long the console may keep what it saved of a conversation nobody touches: retention.session (12 h).
    assertThat(ready.getLong("conversationLifetimeSeconds")).isEqualTo(12 * 3600);
    assertThat(await(worker.channel().next("envelope")).getString("id")).isEqualTo("b");
    JsonObject c = await(worker.channel().next("envelope"));
    assertThat(c.getString("id")).isEqualTo("c");
    await(worker.ack(conversation, c.getLong("seq")));
    await(worker.channel().close());

    await(worker.connect());
    await(visitor.send("d", "", "ZA=="));
    assertThat(await(worker.channel().next("envelope")).getString("id")).isEqualTo("d");
  }

  @Test
  void aVisitorWhoReconnectsKeepsTheirPlaceAndTheirMessages() {
    VisitorClient first = node.visitor("fr");
    await(first.join(List.of("fr"), "a2V5MQ=="));
    VisitorClient second = node.visitor("fr");
    await(second.join(List.of("fr"), "a2V5Mg=="));
    await(second.channel().close());
    JsonObject ready = await(second.connect());
    assertThat(ready.getString("state")).isEqualTo("waiting");
    assertThat(await(second.channel().next("queue")).getInteger("position")).isEqualTo(2);

    WorkerClient worker = node.worker("camille");
    await(worker.available());
    JsonObject queue = await(worker.queueWithAtLeast(2));
    String firstEntry = queue.getJsonArray("entries").getJsonObject(0).getString("entry");
    String conversation = await(worker.accept(firstEntry)).getString("conversation");
    await(first.channel().next("assigned"));
    await(worker.send(conversation, "hello", "", "aGk="));
    await(first.channel().close());
    await(worker.send(conversation, "while-away", "", "YXdheQ=="));

    assertThat(await(first.connect()).getString("state")).isEqualTo("chatting");
    assertThat(await(first.channel().next("envelope")).getString("id")).isEqualTo("hello");
    assertThat(await(first.channel().next("envelope")).getString("id")).isEqualTo("while-away");
  }

  @Test
  void aWorkersOtherTabLearnsOfAnAcceptedConversationAndFollowsIt() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient tab = node.worker("camille");
    WorkerClient otherTab = node.worker("camille");
    String conversation = connect(visitor, tab);
    JsonObject announced = await(otherTab.channel().next("assigned"));
    assertThat(announced.getString("conversation")).isEqualTo(conversation);
    assertThat(announced.getBoolean("transferred")).isFalse();
    await(visitor.send("both-tabs", "", "AA=="));
    assertThat(await(otherTab.channel().next("envelope")).getString("id")).isEqualTo("both-tabs");
    assertThat(await(tab.channel().next("envelope")).getString("id")).isEqualTo("both-tabs");
    assertThat(tab.channel().pending()).noneMatch(f -> "assigned".equals(f.getString("type")));
  }

  @Test
  void aSessionOpenedOnASecondConnectionClosesTheFirst() {
    VisitorClient visitor = node.visitor("fr");
    var first = visitor.channel();
    await(visitor.connect());
    await(first.next("superseded"));
    assertThat(await(first.closed())).isEqualTo((short) 4001);
    assertThat(await(visitor.join(List.of("fr"), "a2V5")).getString("type")).isEqualTo("queued");
    var session = await(node.node().services().stores().sessions().find(visitor.session(), node.clock().instant()));
    assertThat(session.orElseThrow().expiresAt()).as("the first socket's close does not cut the session short")
        .isAfter(node.clock().instant().plus(java.time.Duration.ofHours(1)));
  }

  @Test
  void waitingVisitorsSeeTheirPositionAndAnEstimate() {
    VisitorClient first = node.visitor("fr");
    await(first.join(List.of("fr"), "a2V5MQ=="));
    JsonObject alone = await(first.channel().next("queue"));
    assertThat(alone.getInteger("position")).isEqualTo(1);
    assertThat(alone.getValue("etaSeconds")).as("no worker available: unknown").isNull();

    WorkerClient worker = node.worker("camille");
    await(worker.available());
    JsonObject withWorker = await(first.channel().next("queue"));
    assertThat(withWorker.getLong("etaSeconds")).isZero();

    VisitorClient second = node.visitor("fr");
    await(second.join(List.of("fr"), "a2V5Mg=="));
    assertThat(await(second.channel().next("queue")).getInteger("position")).isEqualTo(2);
  }
}
