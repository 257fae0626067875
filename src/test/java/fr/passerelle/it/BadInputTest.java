package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.conversation.Party;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class BadInputTest {
  private static final int FRAME_LIMIT = 2048;
  private TestNode node;

  @AfterEach
  void stop() {
    node.close();
  }

  /** Small limits: 2 KiB frames, 2 envelopes a second (burst 3), queue of 2, 3 sessions a minute, 5 errors. */
  private void start(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_LIMITS_MAX_FRAME_BYTES", String.valueOf(FRAME_LIMIT),
        "PASSERELLE_LIMITS_MAX_BODY_BYTES", "1024", "PASSERELLE_LIMITS_ENVELOPES_PER_SECOND", "2",
        "PASSERELLE_LIMITS_ENVELOPE_BURST", "3", "PASSERELLE_LIMITS_MAX_QUEUE_LENGTH", "2",
        "PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "3", "PASSERELLE_LIMITS_ERRORS_BEFORE_CLOSE", "5"));
  }

  private String error(VisitorClient visitor, String text) {
    visitor.channel().sendText(text);
    return await(visitor.channel().next("error")).getString("code");
  }

  @Test
  void malformedFramesGetTypedErrorsAndTheSocketStaysUsable(Vertx vertx) {
    start(vertx);
    VisitorClient visitor = node.visitor("fr");
    assertThat(error(visitor, "{not json")).isEqualTo("bad_json");
    assertThat(error(visitor, "{\"type\":\"warp\"}")).isEqualTo("unknown_type");
    assertThat(error(visitor, "{\"type\":\"join\",\"languages\":\"fr\",\"publicKey\":\"a2V5\"}"))
        .isEqualTo("invalid_field");
    assertThat(error(visitor, "{\"type\":\"send\",\"id\":\"x\",\"body\":\"AA==\"}")).isEqualTo("unknown_conversation");
    assertThat(await(visitor.join(List.of("fr"), "a2V5")).getString("type")).isEqualTo("queued");
  }

  @Test
  void anOversizedEnvelopeIsRefusedAndNothingIsStored(Vertx vertx) {
    start(vertx);
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    String big = "A".repeat(FRAME_LIMIT);
    assertThat(error(visitor, new JsonObject().put("type", "send").put("id", "big").put("body", big).encode()))
        .isEqualTo("too_large");
    assertThat(await(node.node().services().stores().conversations().after(conversation, Party.WORKER, 0))).isEmpty();
    assertThat(await(visitor.send("small", "", "AA==")).getLong("seq")).isEqualTo(1);
  }

  @Test
  void aFrameFarBeyondTheLimitClosesTheSocket(Vertx vertx) {
    start(vertx);
    VisitorClient visitor = node.visitor("fr");
    visitor.channel().sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(FRAME_LIMIT * 5) + "\"}");
    assertThat(await(visitor.channel().closed())).as("1009, or 1006 when the transport drops the connection")
        .isIn((short) 1009, (short) 1006);
  }

  @Test
  void repeatedAbuseClosesTheSocketWithPolicyViolation(Vertx vertx) {
    start(vertx);
    VisitorClient visitor = node.visitor("fr");
    for (int i = 0; i < 5; i++) {
      visitor.channel().sendText("garbage");
    }
    assertThat(await(visitor.channel().closed())).isEqualTo((short) 1008);
  }

  @Test
  void envelopesBeyondTheRateAreRefusedWithARetryDelay(Vertx vertx) {
    start(vertx);
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    ConversationLifecycleTest.connect(visitor, worker);
    JsonObject refused = null;
    for (int i = 0; i < 10 && refused == null; i++) {
      try {
        await(visitor.send("m" + i, "", "AA=="));
      } catch (fr.passerelle.client.FrameChannel.FrameError e) {
        refused = e.frame();
      }
    }
    assertThat(refused).isNotNull();
    assertThat(refused.getString("code")).isEqualTo("rate_limited");
    assertThat(refused.getInteger("retryAfterSeconds")).isPositive();
  }

  @Test
  void theQueueRefusesVisitorsBeyondItsLength(Vertx vertx) {
    start(vertx);
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    await(node.visitor("fr").join(List.of("fr"), "a2V5"));
    VisitorClient third = node.visitor("fr");
    assertThat(error(third, "{\"type\":\"join\",\"languages\":[\"fr\"],\"publicKey\":\"a2V5\"}"))
        .isEqualTo("queue_full");
    assertThat(await(node.node().services().stores().queue().waiting())).hasSize(2);
  }

  @Test
  void sessionCreationIsRateLimitedWithRetryAfter(Vertx vertx) {
    start(vertx);
    Transport http = node.transport();
    JsonObject body = new JsonObject().put("languages", new io.vertx.core.json.JsonArray().add("fr"));
    Transport.Response last = null;
    for (int i = 0; i < 4; i++) {
      last = await(http.post("/api/v1/sessions", body));
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.body().getString("code")).isEqualTo("rate_limited");
    assertThat(last.retryAfter()).isPresent();
  }

  @Test
  void malformedSessionRequestsGetProblemDetailsAndCreateNothing(Vertx vertx) {
    start(vertx);
    Transport http = node.transport();
    var bad = await(http.request("POST", "/api/v1/sessions", java.util.Optional.empty(),
        java.util.Optional.of("{oops")));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().getString("code")).isEqualTo("bad_json");
    var wrongType = await(http.post("/api/v1/sessions", new JsonObject().put("languages", 7)));
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.body().getString("code")).isEqualTo("invalid_field");
    var tooBig = await(http.post("/api/v1/sessions", new JsonObject().put("languages", List.of("fr"))
        .put("campaign", "x".repeat(2000))));
    assertThat(tooBig.status()).isEqualTo(413);
  }
}
