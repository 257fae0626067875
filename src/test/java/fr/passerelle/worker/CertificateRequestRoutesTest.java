package fr.passerelle.worker;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.WorkerCertificate;
import fr.passerelle.crypto.X25519;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Certificate requests and the admin's upload over real HTTP (contract 3): a worker asks with its public keys, an
 * admin lists the requests and uploads what they signed, checked exactly as a worker's own upload.
 */
@ExtendWith(VertxExtension.class)
class CertificateRequestRoutesTest {
  private static final String REQUEST = "/api/v1/workers/me/certificate-request";
  private static final String REQUESTS = "/api/v1/certificate-requests";
  private static final String ORG = "asso-test";
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Ed25519.KeyPair root = Ed25519.generate(RANDOM);
  private final Map<String, String> tokens = new HashMap<>();
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_ID", ORG,
        "PASSERELLE_ORGANISATION_ROOT_PUBLIC_KEY", Base64Url.encode(root.publicKey())));
  }

  @AfterEach
  void stop() {
    node.close();
  }

  /** One login per account: the node's clock stands still, so its login rate limit never refills. */
  private Response call(String method, String path, String username, String body) {
    Optional<String> token = Optional.ofNullable(username).map(u -> tokens.computeIfAbsent(u, node::token));
    return await(node.transport().request(method, path, token, Optional.ofNullable(body)));
  }

  private static void problem(Response response, int status, String code, String detail) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    assertThat(response.body().getString("detail")).contains(detail);
  }

  private String staffId(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  private static JsonObject keys() {
    return new JsonObject().put("dhKey", Base64Url.encode(X25519.generate(RANDOM).publicKey()))
        .put("signingKey", Base64Url.encode(Ed25519.generate(RANDOM).publicKey()));
  }

  private byte[] sign(JsonObject keys, String workerId, String pseudonym, byte[] rootPrivate, String orgId) {
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    return new WorkerCertificate(orgId, workerId, pseudonym, Base64Url.decode(keys.getString("dhKey")).orElseThrow(),
        Base64Url.decode(keys.getString("signingKey")).orElseThrow(), now.minus(Duration.ofMinutes(5)),
        now.plus(Duration.ofDays(30))).sign(rootPrivate);
  }

  private static String body(byte[] certificate) {
    return new JsonObject().put("certificate", Base64Url.encode(certificate)).encode();
  }

  private JsonArray requests() {
    Response response = call("GET", REQUESTS, "admin", null);
    assertThat(response.status()).as(response.body().encode()).isEqualTo(200);
    return response.body().getJsonArray("requests");
  }

  @Test
  void aWorkerAsksTheAdminSignsInTheirBrowserAndUploadsAndTheRequestIsGone() {
    JsonObject keys = keys();
    Response asked = call("PUT", REQUEST, "camille", keys.encode());
    assertThat(asked.status()).as(asked.body().encode()).isEqualTo(200);
    String camille = staffId("camille");
    JsonObject expected = keys.copy().put("workerId", camille).put("pseudonym", "Camille")
        .put("requestedAt", node.clock().instant().toString());
    assertThat(asked.body()).isEqualTo(expected);
    assertThat(requests()).containsExactly(expected);

    byte[] certificate = sign(keys, camille, "Camille", root.privateKey(), ORG);
    Response uploaded = call("PUT", "/api/v1/staff/" + camille + "/certificate", "admin", body(certificate));
    assertThat(uploaded.status()).as(uploaded.body().encode()).isEqualTo(200);
    assertThat(uploaded.body().getString("workerId")).isEqualTo(camille);
    assertThat(uploaded.body().getString("pseudonym")).isEqualTo("Camille");
    assertThat(requests()).isEmpty();
    Response own = call("GET", "/api/v1/workers/me/certificate", "camille", null);
    assertThat(own.body().getString("certificate")).isEqualTo(Base64Url.encode(certificate));
  }

  @Test
  void askingAgainForTheSameKeysKeepsTheFirstDateAndNewKeysReplaceTheRequest() {
    JsonObject keys = keys();
    call("PUT", REQUEST, "camille", keys.encode());
    Instant first = node.clock().instant();
    node.clock().advance(Duration.ofMinutes(3));
    call("PUT", REQUEST, "ioana", keys().encode());
    assertThat(call("PUT", REQUEST, "camille", keys.encode()).body().getString("requestedAt"))
        .isEqualTo(first.toString());
    assertThat(requests().stream().map(r -> ((JsonObject) r).getString("pseudonym"))).containsExactly("Camille",
        "Ioana");

    JsonObject newKeys = keys();
    node.clock().advance(Duration.ofMinutes(1));
    Response replaced = call("PUT", REQUEST, "camille", newKeys.encode());
    assertThat(replaced.body().getString("dhKey")).isEqualTo(newKeys.getString("dhKey"));
    assertThat(requests().stream().map(r -> ((JsonObject) r).getString("pseudonym"))).containsExactly("Ioana",
        "Camille");
  }

  @Test
  void aWorkersOwnUploadAlsoSettlesTheirRequest() {
    JsonObject keys = keys();
    call("PUT", REQUEST, "camille", keys.encode());
    byte[] certificate = sign(keys, staffId("camille"), "Camille", root.privateKey(), ORG);
    assertThat(call("PUT", "/api/v1/workers/me/certificate", "camille", body(certificate)).status()).isEqualTo(200);
    assertThat(requests()).isEmpty();
  }

  @Test
  void requestsOfDisabledAccountsAreNotListed() {
    call("PUT", REQUEST, "ioana", keys().encode());
    String ioana = staffId("ioana");
    assertThat(call("PATCH", "/api/v1/admin/staff/" + ioana, "admin", "{\"enabled\":false}").status())
        .isEqualTo(200);
    assertThat(requests()).isEmpty();
  }

  @Test
  void keysACertificateWouldRefuseAreInvalidFieldsNamingTheKey() {
    String lowOrder = Base64Url.encode(new byte[32]);
    byte[] nonCanonical = new byte[32];
    java.util.Arrays.fill(nonCanonical, (byte) 0xff);
    // The Ed25519 identity point: canonical and on the curve, but of order 1.
    String smallOrderEd = Base64Url.encode(HexFormat.of()
        .parseHex("0100000000000000000000000000000000000000000000000000000000000000"));
    JsonObject good = keys();
    Map<JsonObject, String> bad = Map.of(
        good.copy().put("dhKey", lowOrder), "dhKey must be an X25519 public key",
        good.copy().put("dhKey", Base64Url.encode(nonCanonical)), "dhKey must be an X25519 public key",
        good.copy().put("dhKey", "AAAA"), "dhKey must be 32 bytes",
        good.copy().put("dhKey", good.getString("dhKey") + "="), "dhKey must be 32 bytes",
        good.copy().put("signingKey", smallOrderEd), "signingKey must be a valid Ed25519 public key",
        good.copy().put("signingKey", 42), "signingKey",
        good.copy().put("signingKey", List.of(good.getString("signingKey"))), "signingKey",
        new JsonObject().put("dhKey", good.getString("dhKey")), "signingKey is required");
    for (Map.Entry<JsonObject, String> entry : bad.entrySet()) {
      problem(call("PUT", REQUEST, "camille", entry.getKey().encode()), 400, "invalid_field", entry.getValue());
    }
    for (String malformed : List.of("{not json", "[]", "")) {
      problem(call("PUT", REQUEST, "camille", malformed), 400, "bad_json", "");
    }
    assertThat(requests()).isEmpty();
  }

  @Test
  void eachEndpointAdmitsOnlyItsRole() {
    String keys = keys().encode();
    for (String username : List.of("admin", "supervisor", "intake")) {
      problem(call("PUT", REQUEST, username, keys), 403, "forbidden", "");
    }
    problem(call("PUT", REQUEST, null, keys), 401, "not_authenticated", "");
    for (String username : List.of("camille", "supervisor", "intake")) {
      problem(call("GET", REQUESTS, username, null), 403, "forbidden", "");
      problem(call("PUT", "/api/v1/staff/" + staffId("camille") + "/certificate", username, "{}"), 403,
          "forbidden", "");
    }
    problem(call("GET", REQUESTS, null, null), 401, "not_authenticated", "");
    problem(call("PUT", "/api/v1/staff/x/certificate", null, "{}"), 401, "not_authenticated", "");
  }

  @Test
  void theAdminsUploadIsCheckedAsTheWorkersOwn() {
    JsonObject keys = keys();
    call("PUT", REQUEST, "camille", keys.encode());
    String camille = staffId("camille");
    String path = "/api/v1/staff/" + camille + "/certificate";
    problem(call("PUT", path, "admin", body(sign(keys, camille, "Camille", Ed25519.generate(RANDOM).privateKey(),
        ORG))), 400, "bad_certificate", "not signed by the organisation root key");
    problem(call("PUT", path, "admin", body(sign(keys, camille, "Camille", root.privateKey(), "other-asso"))), 400,
        "bad_certificate", "wrong organisation");
    problem(call("PUT", path, "admin", body(sign(keys, staffId("ioana"), "Camille", root.privateKey(), ORG))), 400,
        "bad_certificate", "for another worker");
    problem(call("PUT", path, "admin", body(sign(keys, camille, "Camila", root.privateKey(), ORG))), 400,
        "bad_certificate", "pseudonym differs from the account's");
    Instant now = node.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    byte[] tooLong = new WorkerCertificate(ORG, camille, "Camille",
        Base64Url.decode(keys.getString("dhKey")).orElseThrow(),
        Base64Url.decode(keys.getString("signingKey")).orElseThrow(), now, now.plus(Duration.ofDays(91)))
        .sign(root.privateKey());
    problem(call("PUT", path, "admin", body(tooLong)), 400, "bad_certificate", "valid for more than 90 days");
    byte[] expired = new WorkerCertificate(ORG, camille, "Camille",
        Base64Url.decode(keys.getString("dhKey")).orElseThrow(),
        Base64Url.decode(keys.getString("signingKey")).orElseThrow(), now.minus(Duration.ofDays(40)),
        now.minus(Duration.ofDays(10))).sign(root.privateKey());
    problem(call("PUT", path, "admin", body(expired)), 400, "bad_certificate", "expired");
    problem(call("PUT", path, "admin", body(new byte[40])), 400, "bad_certificate", "malformed");
    problem(call("PUT", path, "admin", "{\"certificate\":\"not base64!\"}"), 400, "invalid_field", "certificate");
    problem(call("PUT", path, "admin", "{\"certificate\":7}"), 400, "invalid_field", "certificate");
    problem(call("PUT", path, "admin", "{}"), 400, "invalid_field", "certificate is required");
    problem(call("PUT", path, "admin", "{oops"), 400, "bad_json", "");
    assertThat(requests()).hasSize(1);
    problem(call("GET", "/api/v1/workers/me/certificate", "camille", null), 404, "not_found", "");
  }

  @Test
  void anUploadForAnUnknownIdOrAnAccountThatIsNotAWorkerIsNotFound() {
    byte[] certificate = sign(keys(), "nobody", "Camille", root.privateKey(), ORG);
    problem(call("PUT", "/api/v1/staff/nobody/certificate", "admin", body(certificate)), 404, "not_found",
        "no such worker");
    String supervisor = staffId("supervisor");
    problem(call("PUT", "/api/v1/staff/" + supervisor + "/certificate", "admin",
        body(sign(keys(), supervisor, "Superviseur", root.privateKey(), ORG))), 404, "not_found", "no such worker");
  }

  @Test
  void everyStaffRoleReadsOnlyTheStaffFactsThePublicOnesBeingInTheServiceDescription() {
    for (String username : List.of("camille", "admin", "supervisor", "intake")) {
      Response response = call("GET", "/api/v1/organisation", username, null);
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(new JsonObject().put("demoSigning", false));
    }
    problem(call("GET", "/api/v1/organisation", null, null), 401, "not_authenticated", "");
    assertThat(call("GET", "/api/v1/service", null, null).body().getJsonObject("organisation"))
        .isEqualTo(new JsonObject().put("id", ORG).put("name", "Association Démo")
            .put("rootPublicKey", Base64Url.encode(root.publicKey())));
  }
}
