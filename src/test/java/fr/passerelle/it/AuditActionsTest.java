package fr.passerelle.it;

import static fr.passerelle.it.MailboxFixture.letter;
import static fr.passerelle.it.MailboxFixture.mailboxId;
import static fr.passerelle.it.MailboxFixture.newToken;
import static fr.passerelle.it.MailboxFixture.sealed;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each staff action, done over real HTTP or the worker socket, leaves one audit entry: who, what, on what. */
@ExtendWith(VertxExtension.class)
class AuditActionsTest {
  private static final String ORG = "asso-audit";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  private TestNode node;
  private AuditFixture audit;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", ORG,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey()),
        "PASSERELLE_LIMITS_LOGINS_PER_MINUTE", "1000"));
    audit = new AuditFixture(node);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Response login(String username, String password) {
    return await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", username).put("password", password)));
  }

  @Test
  void loginsFailuresOnKnownAccountsAndLogoutsAreRecorded() {
    String refreshToken = login("camille", TestNode.PASSWORD).body().getString("refreshToken");
    String accessToken = audit.token("camille");
    assertThat(audit.page("action=login&actor=camille").getJsonArray("entries")).hasSize(2);

    assertThat(login("camille", "wrong password!").status()).isEqualTo(401);
    audit.single("login-failed", "camille", null, "wrong-password");
    assertThat(login("nobody", "wrong password!").status()).isEqualTo(401);
    assertThat(audit.entries("login-failed")).as("an unknown username is not recorded").hasSize(1);

    Response one = await(node.transport().request("POST", "/api/v1/auth/logout", Optional.of(accessToken),
        Optional.of(new JsonObject().put("refreshToken", refreshToken).encode())));
    assertThat(one.status()).isEqualTo(204);
    audit.single("logout", "camille", null, null);
    Response all = await(node.transport().request("POST", "/api/v1/auth/logout", Optional.of(accessToken),
        Optional.empty()));
    assertThat(all.status()).isEqualTo(204);
    audit.single("logout-everywhere", "camille", null, null);
  }

  @Test
  void accountAdministrationIsRecordedWithTheAccountAndTheFieldsChangedButNoValue() {
    JsonObject account = new JsonObject().put("username", "dominique").put("pseudonym", "Dominique")
        .put("role", "worker").put("password", "a long enough password").put("languages", new JsonArray().add("fr"))
        .put("skills", new JsonArray()).put("capacity", 2);
    Response created = audit.call("POST", "/api/v1/admin/staff", "admin", account);
    assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
    String id = created.body().getString("id");
    audit.single("account-created", "admin", id, "worker");

    String path = "/api/v1/admin/staff/" + id;
    audit.call("PATCH", path, "admin", new JsonObject().put("pseudonym", "Dom").put("capacity", 3));
    audit.single("account-changed", "admin", id, "pseudonym,capacity");
    audit.call("PATCH", path, "admin", new JsonObject().put("password", "another long password"));
    audit.single("password-changed", "admin", id, null);
    assertThat(audit.entries("account-changed")).as("a password alone is no profile change").hasSize(1);
    audit.call("PATCH", path, "admin", new JsonObject().put("enabled", false));
    audit.single("account-disabled", "admin", id, null);
    assertThat(login("dominique", "another long password").status()).isEqualTo(403);
    audit.single("login-failed", "dominique", null, "disabled");
    audit.call("PATCH", path, "admin", new JsonObject().put("enabled", true));
    audit.single("account-enabled", "admin", id, null);
  }

  @Test
  void refusedAdministrationLeavesNoEntry() {
    assertThat(audit.call("PATCH", "/api/v1/admin/staff/no-such-id", "admin", new JsonObject().put("capacity", 2))
        .status()).isEqualTo(404);
    assertThat(audit.call("POST", "/api/v1/admin/staff", "admin", new JsonObject().put("username", "x")).status())
        .isEqualTo(400);
    assertThat(audit.call("PUT", "/api/v1/service/hours", "camille", new JsonObject()).status()).isEqualTo(403);

    assertThat(audit.page("limit=200").getJsonArray("entries").stream().map(e -> ((JsonObject) e)
        .getString("action"))).containsOnly("login");
  }

  @Test
  void aWorkersConversationActionsAreRecordedWithoutTheConversation() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    WorkerClient ioana = node.worker("ioana");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);
    audit.single("conversation-accepted", "camille", null, null);

    camille.channel().send(new JsonObject().put("type", "flag").put("conversation", conversation)
        .put("flag", "danger"));
    await(camille.channel().next("flagged"));
    audit.single("conversation-flagged", "camille", null, "danger");

    await(ioana.available());
    String ioanaId = audit.staffId("ioana");
    await(camille.colleague("Ioana"));
    await(camille.transfer(conversation, Optional.of(ioanaId)));
    audit.single("conversation-transferred", "camille", ioanaId, "worker");

    String second = await(ioana.channel().next("assigned")).getString("conversation");
    await(ioana.end(second));
    audit.single("conversation-ended", "ioana", null, null);

    String all = audit.page("limit=200").encode();
    assertThat(all).doesNotContain(conversation).doesNotContain(second).doesNotContain(visitor.session());
  }

  @Test
  void aTransferToTheQueueIsRecordedWithNoTarget() {
    VisitorClient visitor = node.visitor("fr");
    WorkerClient camille = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, camille);

    await(camille.transfer(conversation, Optional.empty()));

    audit.single("conversation-transferred", "camille", null, "queue");
  }

  @Test
  void theAdminsHoursAndCannedRepliesAreRecorded() {
    JsonObject hours = new JsonObject().put("timeZone", "Europe/Paris").put("hours", new JsonArray()
        .add(new JsonObject().put("day", "monday").put("from", "18:00").put("to", "23:00")));
    assertThat(audit.call("PUT", "/api/v1/service/hours", "admin", hours).status()).isEqualTo(200);
    audit.single("hours-changed", "admin", null, null);

    JsonObject reply = new JsonObject().put("language", "fr").put("title", "Accueil")
        .put("text", "Bonjour, je suis là.");
    Response created = audit.call("POST", "/api/v1/canned-replies", "admin", reply);
    String id = created.body().getString("id");
    audit.single("canned-reply-created", "admin", id, null);
    audit.call("PUT", "/api/v1/canned-replies/" + id, "admin", reply.copy().put("text", "Bonsoir."));
    audit.single("canned-reply-changed", "admin", id, null);
    assertThat(audit.call("DELETE", "/api/v1/canned-replies/" + id, "admin", null).status()).isEqualTo(204);
    audit.single("canned-reply-deleted", "admin", id, null);
    assertThat(audit.page("limit=200").encode()).doesNotContain("Bonjour").doesNotContain("Bonsoir");
  }

  @Test
  void theAdminsAssociationAndCampaignChangesAreRecordedWithoutWhatChanged() {
    JsonObject details = new JsonObject().put("name", "Le Phare").put("approvalReference", "AGR-SECRET-42")
        .put("departements", new JsonArray().add("93")).put("languages", new JsonArray().add("ro"))
        .put("channels", new JsonArray().add("sms"));
    Response created = audit.call("POST", "/api/v1/admin/associations", "admin", details);
    assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
    String id = created.body().getString("id");
    audit.single("association-created", "admin", id, null);
    assertThat(audit.call("PATCH", "/api/v1/admin/associations/" + id, "admin",
        new JsonObject().put("active", false)).status()).isEqualTo(200);
    audit.single("association-changed", "admin", id, null);
    String publicKey = Base64Url.encode(X25519.generate(RANDOM).publicKey());
    assertThat(audit.call("POST", "/api/v1/admin/associations/" + id + "/keys", "admin",
        new JsonObject().put("publicKey", publicKey)).status()).isEqualTo(201);
    audit.single("association-key-registered", "admin", id, null);
    assertThat(audit.call("POST", "/api/v1/admin/associations/" + id + "/keys", "admin",
        new JsonObject().put("publicKey", "not a key")).status()).isEqualTo(400);
    assertThat(audit.entries("association-key-registered")).as("a refused key leaves no entry").hasSize(1);

    JsonObject campaign = new JsonObject().put("code", "ads-93").put("label", "Annonces 93").put("departement", "93");
    assertThat(audit.call("POST", "/api/v1/campaigns", "admin", campaign).status()).isEqualTo(201);
    audit.single("campaign-created", "admin", "ads-93", null);
    assertThat(audit.call("PATCH", "/api/v1/campaigns/ads-93", "admin", new JsonObject().put("departement", "94"))
        .status()).isEqualTo(200);
    audit.single("campaign-changed", "admin", "ads-93", null);
    assertThat(audit.page("limit=200").encode()).doesNotContain("AGR-SECRET-42").doesNotContain(publicKey)
        .doesNotContain("Annonces 93");
  }

  @Test
  void certificateRequestsAndUploadsAreRecorded() {
    String camille = audit.staffId("camille");
    JsonObject keys = keys();
    assertThat(audit.call("PUT", "/api/v1/workers/me/certificate-request", "camille", keys).status()).isEqualTo(200);
    audit.single("certificate-requested", "camille", null, null);

    Response signed = audit.call("PUT", "/api/v1/staff/" + camille + "/certificate", "admin", certificate(keys,
        camille, "Camille"));
    assertThat(signed.status()).as(signed.body().encode()).isEqualTo(200);
    audit.single("certificate-signed", "admin", camille, null);

    String ioana = audit.staffId("ioana");
    assertThat(audit.call("PUT", "/api/v1/workers/me/certificate", "ioana", certificate(keys(), ioana, "Ioana"))
        .status()).isEqualTo(200);
    audit.single("certificate-uploaded", "ioana", null, null);
  }

  @Test
  void answeringAndDiscardingAMailboxAreRecordedWithoutTheMailbox() {
    MailboxFixture mailboxes = new MailboxFixture(node);
    String token = newToken();
    mailboxes.leave(token, letter("l-1", sealed(1, 300)));
    String path = "/api/v1/mailboxes/" + mailboxId(token);

    assertThat(audit.call("POST", path + "/letters", "camille", letter("r-1", sealed(2, 300))).status())
        .isEqualTo(201);
    assertThat(audit.call("POST", path + "/letters", "camille", letter("r-1", sealed(2, 300))).status())
        .as("a resend is a duplicate").isEqualTo(200);
    audit.single("mailbox-answered", "camille", null, null);
    assertThat(audit.call("DELETE", path, "admin", null).status()).isEqualTo(204);
    assertThat(audit.call("DELETE", path, "admin", null).status()).isEqualTo(404);
    audit.single("mailbox-discarded", "admin", null, null);

    assertThat(audit.page("limit=200").encode()).doesNotContain(mailboxId(token)).doesNotContain(token);
  }

  private static JsonObject keys() {
    return new JsonObject().put("dhKey", Base64Url.encode(X25519.generate(RANDOM).publicKey()))
        .put("signingKey", Base64Url.encode(Ed25519.generate(RANDOM).publicKey()));
  }

  private JsonObject certificate(JsonObject keys, String workerId, String pseudonym) {
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] certificate = new WorkerCertificate(ORG, workerId, pseudonym,
        Base64Url.decode(keys.getString("dhKey")).orElseThrow(),
        Base64Url.decode(keys.getString("signingKey")).orElseThrow(), now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofDays(30))).sign(root.privateKey());
    return new JsonObject().put("certificate", Base64Url.encode(certificate));
  }
}
