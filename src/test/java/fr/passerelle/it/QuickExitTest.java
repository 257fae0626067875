package fr.passerelle.it;

import static fr.passerelle.it.ConversationLifecycleTest.connect;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.conversation.Party;
import fr.passerelle.store.Stores;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class QuickExitTest {
  private TestNode node;
  private Stores stores;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    stores = node.node().services().stores();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void eraseDuringAConversationLeavesNothingStoredAndTellsTheWorkerOnlyThatTheVisitorLeft() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = connect(visitor, worker);
    await(visitor.send("secret-1", "aGVhZGVy", "Y2lwaGVydGV4dA=="));
    await(worker.send(conversation, "secret-2", "", "cmVwbHk="));
    await(visitor.channel().next("envelope"));

    await(visitor.erase());
    assertThat(await(visitor.channel().closed())).isEqualTo((short) 1000);
    JsonObject left = await(worker.channel().next("visitor-left"));
    assertThat(left.fieldNames()).containsExactlyInAnyOrder("type", "conversation");

    assertThat(await(stores.sessions().find(visitor.session(), Instant.now()))).isEmpty();
    assertThat(await(stores.conversations().find(conversation))).isEmpty();
    assertThat(await(stores.queue().findBySession(visitor.session()))).isEmpty();
    assertThat(await(stores.conversations().activeFor(workerIdOf(worker)))).isEmpty();
    assertThatThrownBy(() -> await(stores.conversations().after(conversation, Party.VISITOR, 0)))
        .hasMessageContaining("conversation");
    assertThat(await(stores.presence().find(workerIdOf(worker))).orElseThrow().active()).isZero();
  }

  @Test
  void eraseWhileWaitingRemovesTheQueueEntryAndTheSessionCannotResume() {
    VisitorClient visitor = node.visitor("ro");
    await(visitor.join(List.of("ro"), "a2V5"));
    assertThat(await(stores.queue().waiting())).hasSize(1);
    await(visitor.erase());
    assertThat(await(stores.queue().waiting())).isEmpty();
    assertThat(await(stores.sessions().find(visitor.session(), Instant.now()))).isEmpty();
    assertThatThrownBy(() -> await(visitor.connect())).hasMessageContaining("auth_failed");
  }

  private String workerIdOf(WorkerClient worker) {
    return await(stores.staff().findByUsername("camille")).orElseThrow().id();
  }
}
