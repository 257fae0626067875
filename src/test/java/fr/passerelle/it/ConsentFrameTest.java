package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.it.TestNode.failure;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.conversation.Consent;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The visitor's {@code consent} frame on a real node: recorded with the conversation (only its request, answer and
 * time), replaced by a later answer, told to the worker without content, refused for another conversation and for
 * bad fields, and gone with the conversation.
 */
@ExtendWith(VertxExtension.class)
class ConsentFrameTest {
  private TestNode node;
  private VisitorClient visitor;
  private WorkerClient camille;
  private String conversation;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    visitor = node.visitor("fr");
    camille = node.worker("camille");
    conversation = ConversationLifecycleTest.connect(visitor, camille);
    await(visitor.channel().next("assigned"));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Optional<Consent> stored(String conversationId, String request) {
    return await(node.node().services().stores().conversations().consent(conversationId, request));
  }

  @Test
  void aConsentIsRecordedAndToldToTheWorkerWithoutContent() {
    JsonObject recorded = await(visitor.consent(conversation, "req-1", true));

    assertThat(recorded).isEqualTo(new JsonObject().put("type", "consent-recorded").put("request", "req-1"));
    JsonObject told = await(camille.channel().next("consent"));
    assertThat(told).isEqualTo(new JsonObject().put("type", "consent").put("conversation", conversation)
        .put("request", "req-1").put("given", true));
    Consent consent = stored(conversation, "req-1").orElseThrow();
    assertThat(consent.given()).isTrue();
    assertThat(consent.at()).isEqualTo(node.clock().instant());
  }

  @Test
  void aLaterAnswerToTheSameRequestReplacesTheEarlierOne() {
    await(visitor.consent(conversation, "req-1", true));
    await(visitor.consent(conversation, "req-1", false));

    assertThat(stored(conversation, "req-1")).map(Consent::given).contains(false);
    assertThat(await(camille.channel().next(f -> "consent".equals(f.getString("type"))
        && !f.getBoolean("given"), java.time.Duration.ofSeconds(10))).getString("request")).isEqualTo("req-1");
  }

  @Test
  void anotherConversationIsNotFoundAndNothingIsRecorded() {
    camille.channel().send(new JsonObject().put("type", "presence").put("status", "away"));
    await(camille.channel().next("presence"));
    VisitorClient other = node.visitor("fr");
    WorkerClient ioana = node.worker("ioana");
    String theirs = ConversationLifecycleTest.connect(other, ioana);

    var refused = (FrameChannel.FrameError) failure(visitor.consent(theirs, "req-1", true));

    assertThat(refused.code()).isEqualTo("not_found");
    assertThat(stored(theirs, "req-1")).isEmpty();
    assertThat(stored(conversation, "req-1")).isEmpty();
  }

  @Test
  void badFieldsAreInvalidAndChangeNothing() {
    for (JsonObject bad : new JsonObject[] {
        new JsonObject().put("conversation", conversation).put("request", "req-1"),
        new JsonObject().put("conversation", conversation).put("request", "req 1").put("given", true),
        new JsonObject().put("conversation", conversation).put("given", true),
        new JsonObject().put("request", "req-1").put("given", true),
        new JsonObject().put("conversation", conversation).put("request", "req-1").put("given", "yes")}) {
      visitor.channel().send(bad.put("type", "consent"));
      assertThat(await(visitor.channel().next("error")).getString("code")).as(bad.encode())
          .isEqualTo("invalid_field");
    }
    assertThat(stored(conversation, "req-1")).isEmpty();
  }

  @Test
  void aConversationHoldsAnswersToAtMostTwentyRequests() {
    for (int i = 0; i < Consent.MAX_PER_CONVERSATION; i++) {
      await(visitor.consent(conversation, "req-" + i, true));
    }
    var refused = (FrameChannel.FrameError) failure(visitor.consent(conversation, "one-more", true));

    assertThat(refused.code()).isEqualTo("conflict");
    assertThat(stored(conversation, "one-more")).isEmpty();
    assertThat(await(visitor.consent(conversation, "req-0", false))).as("an earlier request may still change")
        .isNotNull();
  }

  @Test
  void theRecordGoesWithTheConversation() {
    await(visitor.consent(conversation, "req-1", true));
    await(camille.end(conversation));
    var refused = (FrameChannel.FrameError) failure(visitor.consent(conversation, "req-2", true));
    assertThat(refused.code()).as("an ended conversation takes no answer").isEqualTo("not_found");

    node.clock().advance(java.time.Duration.ofDays(2));
    await(node.node().purge().runOnce());

    assertThat(await(node.node().services().stores().conversations().find(conversation))).isEmpty();
    assertThat(stored(conversation, "req-1")).isEmpty();
  }

  @Test
  void theQuickExitErasesTheRecordAtOnce() {
    await(visitor.consent(conversation, "req-1", true));

    await(visitor.erase());

    assertThat(stored(conversation, "req-1")).isEmpty();
  }
}
