package fr.passerelle.it;

import static fr.passerelle.it.ReferralFixture.A;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sending referrals over real HTTP and WebSockets: every endpoint for every role, and each rule of
 * {@code POST /api/v1/referrals} (consent none, declined, withdrawn or of another conversation; another worker's
 * conversation; the key id; an inactive or unknown association; size and fields; resends), each refusal storing
 * nothing.
 */
@ExtendWith(VertxExtension.class)
class ReferralRoutesTest {
  private static final String SEND = "/api/v1/referrals";
  private static final String INBOX = "/api/v1/intake/referrals";
  private TestNode node;
  private ReferralFixture fixture;
  private WorkerClient camille;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    fixture = new ReferralFixture(node);
    camille = node.worker("camille");
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Response post(JsonObject body) {
    return fixture.call("POST", SEND, "camille", body);
  }

  private static void refused(Response response, int status, String code) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).as(response.body().encode()).isEqualTo(code);
  }

  private void nothingStored() {
    String camilleId = fixture.audit().staffId("camille");
    assertThat(await(node.node().services().stores().referrals().ofWorker(camilleId))).isEmpty();
    assertThat(fixture.audit().entries("referral-sent")).isEmpty();
  }

  @Test
  void everyEndpointAdmitsOnlyItsRoleAndAnotherAssociationsIntakeFindsNothing() {
    String conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
    fixture.send(fixture.referral("r-1", conversation, "req-1"));
    fixture.send(fixture.referral("r-3", conversation, "req-1"));
    assertThat(fixture.call("POST", INBOX + "/r-3/acknowledge", "intake", null).status()).isEqualTo(200);
    record Endpoint(String method, String path, JsonObject body, Map<String, Integer> allowed) {}
    List<Endpoint> endpoints = List.of(
        new Endpoint("POST", SEND, fixture.referral("r-2", conversation, "req-1"), Map.of("camille", 201)),
        new Endpoint("GET", SEND, null, Map.of("camille", 200)),
        new Endpoint("GET", INBOX, null, Map.of("intake", 200, "intake-b", 200)),
        new Endpoint("GET", INBOX + "/r-1", null, Map.of("intake", 200, "intake-b", 404)),
        new Endpoint("POST", INBOX + "/r-1/acknowledge", null, Map.of("intake", 200, "intake-b", 404)),
        new Endpoint("POST", INBOX + "/r-1/accept", null, Map.of("intake", 200, "intake-b", 404)),
        new Endpoint("POST", INBOX + "/r-3/decline", null, Map.of("intake", 200, "intake-b", 404)),
        new Endpoint("GET", "/api/v1/admin/referrals/expiring", null, Map.of("admin", 200)));
    Map<String, String> roles = new LinkedHashMap<>();
    for (String username : List.of("admin", "supervisor", "camille", "intake-b", "intake")) {
      roles.put(username, username);
    }
    roles.put("none", null);

    for (Endpoint endpoint : endpoints) {
      roles.forEach((role, username) -> {
        Response response = fixture.call(endpoint.method(), endpoint.path(), username, endpoint.body());
        String what = endpoint.method() + " " + endpoint.path() + " as " + role + ": " + response.body();
        Integer allowed = endpoint.allowed().get(role);
        if (allowed != null) {
          assertThat(response.status()).as(what).isEqualTo(allowed);
          if (allowed == 404) {
            assertThat(response.body().getString("code")).as(what).isEqualTo("not_found");
          }
        } else if (username == null) {
          refused(response, 401, "not_authenticated");
        } else {
          refused(response, 403, "forbidden");
        }
      });
    }
    var stored = node.node().services().stores().referrals();
    assertThat(await(stored.find("r-1")).orElseThrow().status().wire()).isEqualTo("accepted");
    assertThat(await(stored.find("r-3")).orElseThrow().status().wire()).isEqualTo("declined");
    assertThat(await(stored.find("r-2")).orElseThrow().status().wire()).as("B's officer acknowledged nothing")
        .isEqualTo("sent");
    Response listedToB = fixture.call("GET", INBOX, "intake-b", null);
    assertThat(listedToB.body()).isEqualTo(new JsonObject().put("association", ReferralFixture.B)
        .put("referrals", new io.vertx.core.json.JsonArray()));
  }

  @Test
  void aReferralIsStoredWithItsMetadataAndTheWorkerSeesItsStatus() {
    String conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
    JsonObject body = fixture.referral("r-1", conversation, "req-1");

    Response sent = post(body);

    assertThat(sent.status()).isEqualTo(201);
    String now = node.clock().instant().toString();
    String expires = node.clock().instant().plus(java.time.Duration.ofDays(30)).toString();
    assertThat(sent.body()).isEqualTo(new JsonObject().put("id", "r-1").put("association", A).put("status", "sent")
        .put("created", now).put("expiresAt", expires));
    Response again = post(body);
    assertThat(again.status()).as("a resend").isEqualTo(200);
    assertThat(again.body()).isEqualTo(sent.body().copy().put("duplicate", true));
    refused(post(fixture.referral("r-1", conversation, "req-1")), 409, "conflict");
    JsonObject listed = fixture.call("GET", SEND, "camille", null).body();
    assertThat(listed.getJsonArray("referrals")).containsExactly(new JsonObject().put("id", "r-1")
        .put("association", A).put("associationName", "Le Phare (association fictive de démonstration)")
        .put("status", "sent").put("created", now).put("expiresAt", expires).put("updated", now));
    assertThat(fixture.call("GET", SEND, null, null).status()).isEqualTo(401);
    assertThat(await(node.node().services().stores().referrals().find("r-1")).orElseThrow().sealed())
        .contains(body.getString("sealed"));
  }

  @Test
  void noConsentADeclinedOneOrAWithdrawnOneIsConsentRequired() {
    String none = fixture.chat(camille, "req-1", Optional.empty()).conversation();
    refused(post(fixture.referral("r-1", none, "req-1")), 409, "consent_required");

    var declined = fixture.chat(camille, "req-2", Optional.of(false));
    refused(post(fixture.referral("r-2", declined.conversation(), "req-2")), 409, "consent_required");

    var withdrawn = fixture.chat(camille, "req-3", Optional.of(true));
    await(withdrawn.visitor().consent(withdrawn.conversation(), "req-3", false));
    refused(post(fixture.referral("r-3", withdrawn.conversation(), "req-3")), 409, "consent_required");
    refused(post(fixture.referral("r-4", withdrawn.conversation(), "another-request")), 409, "consent_required");

    nothingStored();
  }

  @Test
  void aConsentGivenInAnotherConversationOrAnotherWorkersConversationDoesNotCount() {
    var given = fixture.chat(camille, "req-1", Optional.of(true));
    var other = fixture.chat(camille, "req-9", Optional.empty());
    refused(post(fixture.referral("r-1", other.conversation(), "req-1")), 409, "consent_required");

    camille.channel().send(new JsonObject().put("type", "presence").put("status", "away"));
    await(camille.channel().next("presence"));
    var ioanas = fixture.chat(node.worker("ioana"), "req-2", Optional.of(true));
    refused(post(fixture.referral("r-2", ioanas.conversation(), "req-2")), 404, "not_found");

    await(camille.end(given.conversation()));
    refused(post(fixture.referral("r-3", given.conversation(), "req-1")), 404, "not_found");
    nothingStored();
  }

  @Test
  void aStaleKeyAnInactiveOrUnknownAssociationAreRefused() {
    String conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
    X25519.KeyPair stranger = X25519.generate(new SecureRandom());
    refused(post(fixture.referral("r-1", conversation, "req-1").put("keyId", ReferralFixture.keyId(stranger))), 409,
        "key_changed");
    refused(post(fixture.referral("r-1", conversation, "req-1").put("association", "nowhere")), 404, "not_found");

    // A rotation makes the key the console sealed to stale.
    Response rotated = fixture.call("POST", "/api/v1/admin/associations/" + A + "/keys", "admin",
        new JsonObject().put("publicKey", Base64Url.encode(stranger.publicKey())));
    assertThat(rotated.status()).isEqualTo(201);
    refused(post(fixture.referral("r-1", conversation, "req-1")), 409, "key_changed");

    Response deactivated = fixture.call("PATCH", "/api/v1/admin/associations/" + A, "admin",
        new JsonObject().put("active", false));
    assertThat(deactivated.status()).isEqualTo(200);
    refused(post(fixture.referral("r-1", conversation, "req-1").put("keyId", ReferralFixture.keyId(stranger))), 409,
        "association_inactive");
    nothingStored();
  }

  @Test
  void badFieldsAndAnOversizedReferralAreRefused() {
    String conversation = fixture.chat(camille, "req-1", Optional.of(true)).conversation();
    JsonObject good = fixture.referral("r-1", conversation, "req-1");
    for (String field : List.of("id", "conversation", "request", "association", "keyId", "sealed")) {
      JsonObject missing = good.copy();
      missing.remove(field);
      refused(post(missing), 400, "invalid_field");
    }
    refused(post(good.copy().put("id", "r 1")), 400, "invalid_field");
    refused(post(good.copy().put("sealed", good.getString("sealed") + "=")), 400, "invalid_field");
    byte[] wrongVersion = Base64Url.decode(good.getString("sealed")).orElseThrow();
    wrongVersion[0] = 2;
    refused(post(good.copy().put("sealed", Base64Url.encode(wrongVersion))), 400, "invalid_field");
    refused(post(good.copy().put("sealed", Base64Url.encode(new byte[] {1, 2, 3}))), 400, "invalid_field");
    byte[] large = new byte[16_385];
    Arrays.fill(large, (byte) 1);
    refused(post(good.copy().put("sealed", Base64Url.encode(large))), 413, "too_large");
    Response notJson = await(node.transport().request("POST", SEND, Optional.of(fixture.audit().token("camille")),
        Optional.of("[1]")));
    refused(notJson, 400, "bad_json");
    nothingStored();

    byte[] largest = Arrays.copyOf(Base64Url.decode(good.getString("sealed")).orElseThrow(), 16_384);
    assertThat(post(good.copy().put("sealed", Base64Url.encode(largest))).status()).as("at the limit")
        .isEqualTo(201);
  }
}
