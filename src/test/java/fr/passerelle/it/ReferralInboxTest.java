package fr.passerelle.it;

import static fr.passerelle.it.ReferralFixture.A;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.SealedReferral;
import fr.passerelle.referral.Referral;
import fr.passerelle.referral.ReferralStatus;
import fr.passerelle.statistics.Cell;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The association's inbox on a real node: the sealed referral opens with A's private key; acknowledging deletes the
 * ciphertext (checked in the store) and fetching is then {@code gone}; decisions only after acknowledgement;
 * expiry by the retention purge and the admin's warning list before it; audit entries and statistics counters,
 * each once.
 */
@ExtendWith(VertxExtension.class)
class ReferralInboxTest {
  private static final String INBOX = "/api/v1/intake/referrals";
  private static final String EXPIRING = "/api/v1/admin/referrals/expiring";
  private TestNode node;
  private ReferralFixture fixture;
  private String conversation;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    fixture = new ReferralFixture(node);
    WorkerClient camille = node.worker("camille");
    conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** Moves the clock; the tokens kept expire with it, so the next calls log in again. */
  private void advance(Duration duration) {
    node.clock().advance(duration);
    fixture.audit().forget("admin");
    fixture.audit().forget("intake");
  }

  private Referral stored(String id) {
    return await(node.node().services().stores().referrals().find(id)).orElseThrow();
  }

  private Response intake(String method, String path) {
    return fixture.call(method, path, "intake", null);
  }

  @Test
  void theOfficerOpensTheReferralWithTheKeyItNamesThenAcknowledgingDeletesTheCiphertext() {
    JsonObject sent = fixture.send(fixture.referral("r-1", conversation, "req-1"));

    Response listed = intake("GET", INBOX);
    assertThat(listed.body()).isEqualTo(new JsonObject().put("association", A).put("referrals",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("id", "r-1")
            .put("keyId", ReferralFixture.keyId(fixture.keyA)).put("status", "sent")
            .put("created", sent.getString("created")).put("expiresAt", sent.getString("expiresAt")))));
    JsonObject fetched = intake("GET", INBOX + "/r-1").body();
    assertThat(fetched.fieldNames()).containsExactlyInAnyOrder("id", "association", "keyId", "formVersion", "sealed",
        "created", "expiresAt");
    assertThat(fetched.getInteger("formVersion")).isEqualTo(1);
    byte[] form = SealedReferral.open(fixture.keyA.privateKey(), fetched.getString("association"),
        fetched.getInteger("formVersion"), fetched.getString("id"),
        Base64Url.decode(fetched.getString("sealed")).orElseThrow());
    assertThat(new String(form, StandardCharsets.UTF_8)).isEqualTo(ReferralFixture.FORM);

    Response acknowledged = intake("POST", INBOX + "/r-1/acknowledge");

    assertThat(acknowledged.status()).isEqualTo(200);
    assertThat(acknowledged.body()).isEqualTo(new JsonObject().put("id", "r-1").put("status", "received"));
    assertThat(stored("r-1").sealed()).as("ciphertext deleted").isEmpty();
    assertThat(stored("r-1").status()).isEqualTo(ReferralStatus.RECEIVED);
    Response gone = intake("GET", INBOX + "/r-1");
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.body().getString("code")).isEqualTo("gone");
    assertThat(intake("POST", INBOX + "/r-1/acknowledge").body()).as("idempotent")
        .isEqualTo(new JsonObject().put("id", "r-1").put("status", "received"));
    assertThat(fixture.call("GET", "/api/v1/referrals", "camille", null).body().getJsonArray("referrals")
        .getJsonObject(0).getString("status")).as("the worker sees it").isEqualTo("received");
  }

  @Test
  void decisionsComeOnlyAfterAcknowledgementAndOnce() {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    Response early = intake("POST", INBOX + "/r-1/accept");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.body().getString("code")).isEqualTo("conflict");
    assertThat(stored("r-1").status()).isEqualTo(ReferralStatus.SENT);
    assertThat(stored("r-1").sealed()).isPresent();

    intake("POST", INBOX + "/r-1/acknowledge");
    assertThat(intake("POST", INBOX + "/r-1/accept").body()).isEqualTo(new JsonObject().put("id", "r-1")
        .put("status", "accepted"));
    assertThat(intake("POST", INBOX + "/r-1/accept").status()).as("the same decision again").isEqualTo(200);
    assertThat(intake("POST", INBOX + "/r-1/decline").status()).as("the other one").isEqualTo(409);
    assertThat(intake("POST", INBOX + "/r-1/acknowledge").body().getString("status")).isEqualTo("accepted");
    assertThat(intake("POST", INBOX + "/nope/accept").status()).isEqualTo(404);
    assertThat(stored("r-1").status()).isEqualTo(ReferralStatus.ACCEPTED);
  }

  @Test
  void anUnacknowledgedReferralIsListedToAdminsBeforeItExpiresThenThePurgeExpiresItAndLaterForgetsIt() {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    fixture.send(fixture.referral("r-2", conversation, "req-1"));
    intake("POST", INBOX + "/r-2/acknowledge");
    assertThat(fixture.call("GET", EXPIRING, "admin", null).body().getJsonArray("referrals")).isEmpty();

    advance(Duration.ofDays(27).plusHours(1));
    JsonObject warned = fixture.call("GET", EXPIRING, "admin", null).body();
    assertThat(warned.getJsonArray("referrals")).hasSize(1);
    assertThat(warned.getJsonArray("referrals").getJsonObject(0).getString("id")).isEqualTo("r-1");
    assertThat(warned.getJsonArray("referrals").getJsonObject(0).getString("associationName"))
        .startsWith("Le Phare");

    advance(Duration.ofDays(3));
    await(node.node().purge().runOnce());

    assertThat(stored("r-1").status()).isEqualTo(ReferralStatus.EXPIRED);
    assertThat(stored("r-1").sealed()).isEmpty();
    assertThat(intake("GET", INBOX + "/r-1").status()).isEqualTo(410);
    assertThat(intake("POST", INBOX + "/r-1/acknowledge").status()).isEqualTo(410);
    assertThat(fixture.call("GET", EXPIRING, "admin", null).body().getJsonArray("referrals")).isEmpty();
    assertThat(await(node.node().services().stores().referrals().find("r-2"))).as("received 30 days ago")
        .isEmpty();

    advance(Duration.ofDays(30).plusSeconds(1));
    await(node.node().purge().runOnce());
    assertThat(await(node.node().services().stores().referrals().find("r-1"))).isEmpty();
  }

  @Test
  void eachStepIsAuditedOnceWithTheAssociationAsTargetAndCountedInTheStatistics() {
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    fixture.call("POST", "/api/v1/referrals", "camille", fixture.referral("r-1", conversation, "req-1"));
    intake("GET", INBOX + "/r-1");
    intake("POST", INBOX + "/r-1/acknowledge");
    intake("POST", INBOX + "/r-1/acknowledge");
    intake("POST", INBOX + "/r-1/accept");
    intake("POST", INBOX + "/r-1/accept");

    AuditFixture audit = fixture.audit();
    audit.single("referral-sent", "camille", A, null);
    audit.single("referral-opened", "intake", A, null);
    audit.single("referral-acknowledged", "intake", A, null);
    audit.single("referral-accepted", "intake", A, null);
    assertThat(audit.entries("referral-declined")).isEmpty();
    assertThat(audit.page("limit=200").encode()).doesNotContain("r-1");

    CellKey cell = new CellKey(YearMonth.from(node.clock().instant().atZone(ZoneId.of("Europe/Paris"))),
        CellKey.UNKNOWN, "fr", CellKey.UNKNOWN);
    TestNode.eventually(() -> counts(cell).getOrDefault(Measure.REFERRALS_ACCEPTED, 0L) == 1);
    assertThat(counts(cell)).containsEntry(Measure.REFERRALS_SENT, 1L)
        .containsEntry(Measure.REFERRALS_ACKNOWLEDGED, 1L).containsEntry(Measure.REFERRALS_ACCEPTED, 1L);
    String metrics = node.node().services().registry().get("passerelle.referrals").counters().toString();
    assertThat(node.node().services().registry().get("passerelle.referrals").tag("event", "sent").counter().count())
        .as(metrics).isEqualTo(1.0);
  }

  private Map<Measure, Long> counts(CellKey key) {
    return await(node.node().services().stores().statistics().cells(key.month(), key.month())).stream()
        .filter(c -> c.key().equals(key)).findFirst().map(Cell::counts).orElse(Map.of());
  }
}
