package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.staff.StaffAccount;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SocketAuthTest {
  private TestNode node;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private FrameChannel open(String path) {
    return await(node.open(path));
  }

  private String errorAfter(FrameChannel channel, JsonObject frame) {
    channel.send(frame);
    return await(channel.next("error")).getString("code");
  }

  @Test
  void aFrameBeforeAuthenticationIsRefused() {
    FrameChannel channel = open("/ws/worker");
    assertThat(errorAfter(channel, new JsonObject().put("type", "presence").put("status", "available")))
        .isEqualTo("not_authenticated");
  }

  @Test
  void aGarbageTokenIsRefused() {
    FrameChannel channel = open("/ws/worker");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("token", "not.a.jwt")))
        .isEqualTo("auth_failed");
  }

  @Test
  void anExpiredTokenIsRefusedAsExpiredAndTheSocketClosed() {
    String token = node.token("camille");
    node.clock().advance(java.time.Duration.ofHours(1));
    FrameChannel channel = open("/ws/worker");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("token", token)))
        .isEqualTo("token_expired");
    assertThat(await(channel.closed())).isEqualTo((short) 1008);
  }

  @Test
  void aSocketThatNeverAuthenticatesIsClosed(Vertx vertx) {
    node.close();
    node = TestNode.start(vertx, Map.of("PASSERELLE_LIMITS_AUTH_TIMEOUT", "300ms"));
    FrameChannel channel = open("/ws/visitor");
    assertThat(await(channel.next("error")).getString("code")).isEqualTo("not_authenticated");
    assertThat(await(channel.closed())).isEqualTo((short) 1008);
  }

  @Test
  void aSupervisorCannotOpenTheWorkerConsole() {
    FrameChannel channel = open("/ws/worker");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("token", node.token("supervisor"))))
        .isEqualTo("forbidden");
  }

  @Test
  void aDisabledAccountsTokenStopsWorking() {
    String token = node.token("ioana");
    var staff = node.node().services().stores().staff();
    StaffAccount ioana = await(staff.findByUsername("ioana")).orElseThrow();
    await(staff.update(new StaffAccount(ioana.id(), ioana.username(), ioana.pseudonym(), ioana.role(),
        ioana.languages(), ioana.skills(), ioana.capacity(), false, ioana.passwordHash(), ioana.association(),
        ioana.createdAt())));
    FrameChannel channel = open("/ws/worker");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("token", token)))
        .isIn("account_disabled", "auth_failed");
  }

  @Test
  void openStaffSocketsAreClosedWhenTheAccountIsDisabled(Vertx vertx) {
    node.close();
    node = TestNode.start(vertx, Map.of("PASSERELLE_AUTH_ACCOUNT_RECHECK", "100ms"));
    WorkerClient ioana = node.worker("ioana");
    FrameChannel feed = open("/ws/supervisor");
    feed.send(new JsonObject().put("type", "auth").put("token", node.token("supervisor")));
    await(feed.next("ready"));

    disable("ioana");
    disable("supervisor");

    assertThat(await(ioana.channel().next("error")).getString("code")).isEqualTo("account_disabled");
    assertThat(await(ioana.channel().closed())).isEqualTo((short) 1008);
    assertThat(await(feed.next("error")).getString("code")).isEqualTo("account_disabled");
    assertThat(await(feed.closed())).isEqualTo((short) 1008);
  }

  private void disable(String username) {
    var staff = node.node().services().stores().staff();
    StaffAccount a = await(staff.findByUsername(username)).orElseThrow();
    await(staff.update(new StaffAccount(a.id(), a.username(), a.pseudonym(), a.role(), a.languages(), a.skills(),
        a.capacity(), false, a.passwordHash(), a.association(), a.createdAt())));
  }

  @Test
  void aVisitorWithTheWrongSecretIsRefused() {
    VisitorClient visitor = node.visitor("fr");
    FrameChannel channel = open("/ws/visitor");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("session", visitor.session())
        .put("secret", "wrong-secret"))).isEqualTo("auth_failed");
  }

  @Test
  void aWorkerCannotTouchAnotherWorkersConversation() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);
    WorkerClient ioana = node.worker("ioana");
    for (JsonObject frame : new JsonObject[] {
        new JsonObject().put("type", "send").put("conversation", conversation).put("id", "x").put("body", "AA=="),
        new JsonObject().put("type", "ack").put("conversation", conversation).put("seq", 1),
        new JsonObject().put("type", "sync").put("conversation", conversation).put("after", 0),
        new JsonObject().put("type", "end").put("conversation", conversation),
        new JsonObject().put("type", "transfer").put("conversation", conversation),
        new JsonObject().put("type", "flag").put("conversation", conversation).put("flag", "danger")}) {
      assertThat(errorAfter(ioana.channel(), frame)).as(frame.getString("type")).isEqualTo("unknown_conversation");
    }
    await(visitor.send("still-works", "", "AA=="));
    assertThat(await(camille.channel().next("envelope")).getString("id")).isEqualTo("still-works");
  }

  @Test
  void aVisitorCannotSendWorkerFramesNorAWorkerVisitorFrames() {
    VisitorClient visitor = node.visitor("fr");
    assertThat(errorAfter(visitor.channel(), new JsonObject().put("type", "accept").put("entry", "e1")))
        .isEqualTo("unknown_type");
    WorkerClient worker = node.worker("camille");
    assertThat(errorAfter(worker.channel(), new JsonObject().put("type", "erase"))).isEqualTo("unknown_type");
  }

  @Test
  void aSessionThatDoesNotExistCannotConnect() {
    FrameChannel channel = open("/ws/visitor");
    assertThat(errorAfter(channel, new JsonObject().put("type", "auth").put("session", "nope").put("secret", "x")))
        .isEqualTo("auth_failed");
  }
}
