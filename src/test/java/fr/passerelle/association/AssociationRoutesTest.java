package fr.passerelle.association;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The association directory over real HTTP on a demo node (three fictional associations, the intake account linked
 * to the first): every endpoint for every role, the admin's changes and key rotation, the worker's suggestions, the
 * intake officer's own association, and every bad request refused with a typed problem that changes nothing.
 */
@ExtendWith(VertxExtension.class)
class AssociationRoutesTest {
  private static final String ADMIN = "/api/v1/admin/associations";
  private static final String SUGGESTIONS = "/api/v1/associations/suggestions";
  private TestNode node;
  private String admin;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    admin = node.token("admin");
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Response call(String method, String path, String token, String body) {
    return await(node.transport().request(method, path, Optional.ofNullable(token), Optional.ofNullable(body)));
  }

  private Response admin(String method, String path, JsonObject body) {
    return call(method, path, admin, body == null ? null : body.encode());
  }

  private static void problem(Response response, int status, String code, String detail) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    assertThat(response.body().getString("detail")).contains(detail);
  }

  private static JsonObject association(String name, String... departements) {
    return new JsonObject().put("name", name).put("approvalReference", "AGR-" + name)
        .put("departements", new JsonArray(List.of(departements))).put("languages", new JsonArray().add("fr"))
        .put("channels", new JsonArray().add("sms").add("phone-call"));
  }

  private static String newKey() {
    return Base64Url.encode(X25519.generate(new SecureRandom()).publicKey());
  }

  private static JsonObject key(String publicKey) {
    return new JsonObject().put("publicKey", publicKey);
  }

  private JsonArray all() {
    return admin("GET", ADMIN, null).body().getJsonArray("associations");
  }

  @Test
  void everyEndpointAdmitsOnlyItsRole() {
    String id = DemoAssociations.LINKED_ID;
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("admin", admin);
    tokens.put("supervisor", node.token("supervisor"));
    tokens.put("worker", node.token("camille"));
    tokens.put("intake", node.token("intake"));
    tokens.put("none", null);
    record Endpoint(String method, String path, String body, String allowed, int status) {}
    List<Endpoint> endpoints = List.of(
        new Endpoint("GET", ADMIN, null, "admin", 200),
        new Endpoint("POST", ADMIN, association("Nouvelle", "75").encode(), "admin", 201),
        new Endpoint("GET", ADMIN + "/" + id, null, "admin", 200),
        new Endpoint("PATCH", ADMIN + "/" + id, "{\"active\": true}", "admin", 200),
        new Endpoint("POST", ADMIN + "/" + id + "/keys", null, "admin", 201),
        new Endpoint("GET", SUGGESTIONS + "?departement=75", null, "worker", 200),
        new Endpoint("GET", "/api/v1/associations/mine", null, "intake", 200));

    for (Endpoint endpoint : endpoints) {
      tokens.forEach((role, token) -> {
        String body = endpoint.path().endsWith("/keys") ? key(newKey()).encode() : endpoint.body();
        Response response = call(endpoint.method(), endpoint.path(), token, body);
        String what = endpoint.method() + " " + endpoint.path() + " as " + role;
        if (role.equals(endpoint.allowed())) {
          assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(endpoint.status());
        } else if (token == null) {
          assertThat(response.status()).as(what).isEqualTo(401);
          assertThat(response.body().getString("code")).as(what).isEqualTo("not_authenticated");
        } else {
          assertThat(response.status()).as(what).isEqualTo(403);
          assertThat(response.body().getString("code")).as(what).isEqualTo("forbidden");
        }
      });
    }
    // Only the admin's one creation went through.
    assertThat(all()).hasSize(4);
  }

  @Test
  void anAdminCreatesReadsPatchesAndDeactivatesAnAssociation() {
    JsonObject request = association("Les Amarres", "13", "2A", "976").put("languages", new JsonArray().add("fr")
        .add("ar")).put("timeZone", "Europe/Paris")
        .put("hours", new JsonArray().add(new JsonObject().put("day", "tuesday").put("from", "14:00").put("to", "18:00")));
    Response created = admin("POST", ADMIN, request);
    assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
    JsonObject json = created.body();
    String id = json.getString("id");
    assertThat(json.fieldNames()).containsExactlyInAnyOrder("id", "name", "approvalReference", "departements",
        "languages", "channels", "timeZone", "hours", "active", "currentKey", "keys", "createdAt", "updatedAt");
    assertThat(json.getJsonArray("departements")).containsExactly("13", "2A", "976");
    assertThat(json.getJsonArray("languages")).containsExactly("ar", "fr");
    assertThat(json.getJsonArray("channels")).containsExactly("phone-call", "sms");
    assertThat(json.getJsonArray("hours")).containsExactly(new JsonObject().put("day", "tuesday").put("from", "14:00")
        .put("to", "18:00"));
    assertThat(json.getBoolean("active")).isTrue();
    assertThat(json.getValue("currentKey")).isNull();
    assertThat(json.getJsonArray("keys")).isEmpty();
    assertThat(admin("GET", ADMIN + "/" + id, null).body()).isEqualTo(json);

    node.clock().advance(Duration.ofMinutes(1));
    Response patched = admin("PATCH", ADMIN + "/" + id, new JsonObject().put("active", false)
        .put("name", "Les Amarres Sud").put("channels", new JsonArray().add("signal")));
    assertThat(patched.status()).as(patched.body().encode()).isEqualTo(200);
    assertThat(patched.body().getBoolean("active")).isFalse();
    assertThat(patched.body().getString("name")).isEqualTo("Les Amarres Sud");
    assertThat(patched.body().getJsonArray("channels")).containsExactly("signal");
    assertThat(patched.body().getJsonArray("departements")).containsExactly("13", "2A", "976");
    assertThat(patched.body().getString("createdAt")).isEqualTo(json.getString("createdAt"));
    assertThat(patched.body().getString("updatedAt")).isNotEqualTo(json.getString("updatedAt"));
    assertThat(all().stream().map(a -> ((JsonObject) a).getString("name")))
        .containsExactly("Kaz Lumière (association fictive de démonstration)",
            "La Traversée (association fictive de démonstration)",
            "Le Phare (association fictive de démonstration)", "Les Amarres Sud");
  }

  @Test
  void registeringANewKeyMakesItCurrentAndKeepsThePreviousOneWithItsPeriod() {
    String id = admin("POST", ADMIN, association("Rotation", "75")).body().getString("id");
    String first = newKey();
    String second = newKey();

    Response one = admin("POST", ADMIN + "/" + id + "/keys", key(first));
    assertThat(one.status()).as(one.body().encode()).isEqualTo(201);
    node.clock().advance(Duration.ofMinutes(2));
    JsonObject rotated = admin("POST", ADMIN + "/" + id + "/keys", key(second)).body();

    JsonArray keys = rotated.getJsonArray("keys");
    assertThat(keys).hasSize(2);
    JsonObject old = keys.getJsonObject(0);
    JsonObject current = keys.getJsonObject(1);
    assertThat(old.getString("publicKey")).isEqualTo(first);
    assertThat(old.getString("until")).isEqualTo(current.getString("since"));
    assertThat(old.getString("since")).isEqualTo(one.body().getJsonObject("currentKey").getString("since"));
    assertThat(current.containsKey("until")).isFalse();
    assertThat(rotated.getJsonObject("currentKey")).isEqualTo(current);
    AssociationKeyFingerprint expected = AssociationKeyFingerprint.of(Base64Url.decode(second).orElseThrow());
    assertThat(current.getString("keyId")).isEqualTo(expected.keyId());
    assertThat(current.getString("fingerprint")).isEqualTo(expected.digits()).matches("\\d{5}( \\d{5}){3}");

    problem(admin("POST", ADMIN + "/" + id + "/keys", key(first)), 409, "conflict", "already registered");
    assertThat(admin("GET", ADMIN + "/" + id, null).body()).isEqualTo(rotated);
  }

  @Test
  void aWorkerIsSuggestedActiveAssociationsWithAKeyCoveringTheDepartementThoseSpeakingTheLanguageFirst() {
    String amarres = admin("POST", ADMIN, association("Amarres", "75", "13")).body().getString("id");
    admin("POST", ADMIN + "/" + amarres + "/keys", key(newKey()));
    admin("POST", ADMIN, association("Sans clé", "75"));
    String inactive = admin("POST", ADMIN, association("Inactive", "75").put("active", false)).body().getString("id");
    admin("POST", ADMIN + "/" + inactive + "/keys", key(newKey()));
    String worker = node.token("camille");

    JsonObject romanian = call("GET", SUGGESTIONS + "?departement=75&language=ro", worker, null).body();
    assertThat(romanian.getString("departement")).isEqualTo("75");
    JsonArray found = romanian.getJsonArray("associations");
    assertThat(found.stream().map(a -> ((JsonObject) a).getString("id")))
        .containsExactly(DemoAssociations.LINKED_ID, amarres);
    JsonObject first = found.getJsonObject(0);
    assertThat(first.fieldNames()).containsExactlyInAnyOrder("id", "name", "departements", "languages", "channels",
        "timeZone", "hours", "languageMatch", "key");
    assertThat(first.getBoolean("languageMatch")).isTrue();
    assertThat(found.getJsonObject(1).getBoolean("languageMatch")).isFalse();
    JsonObject expectedKey = admin("GET", ADMIN + "/" + DemoAssociations.LINKED_ID, null).body()
        .getJsonObject("currentKey");
    assertThat(first.getJsonObject("key")).isEqualTo(expectedKey);

    JsonArray noLanguage = call("GET", SUGGESTIONS + "?departement=75", worker, null).body()
        .getJsonArray("associations");
    assertThat(noLanguage.stream().map(a -> ((JsonObject) a).getString("id")))
        .containsExactly(amarres, DemoAssociations.LINKED_ID);
    assertThat(call("GET", SUGGESTIONS + "?departement=971&language=ht", worker, null).body()
        .getJsonArray("associations").stream().map(a -> ((JsonObject) a).getString("id")))
        .containsExactly("demo-association-antilles");
    assertThat(call("GET", SUGGESTIONS + "?departement=2B", worker, null).body().getJsonArray("associations"))
        .isEmpty();
  }

  @Test
  void anIntakeOfficerReadsOnlyTheirOwnAssociation() {
    JsonObject mine = call("GET", "/api/v1/associations/mine", node.token("intake"), null).body();
    assertThat(mine).isEqualTo(admin("GET", ADMIN + "/" + DemoAssociations.LINKED_ID, null).body());
    assertThat(mine.getJsonObject("currentKey").getString("fingerprint")).matches("\\d{5}( \\d{5}){3}");

    Response unlinked = call("POST", "/api/v1/admin/staff", admin, new JsonObject().put("username", "accueil2")
        .put("pseudonym", "Accueil 2").put("role", "intake").put("password", TestNode.PASSWORD)
        .put("capacity", 1).encode());
    assertThat(unlinked.status()).as(unlinked.body().encode()).isEqualTo(201);
    problem(call("GET", "/api/v1/associations/mine", node.token("accueil2"), null), 404, "unknown_association",
        "not linked");

    Response linked = call("PATCH", "/api/v1/admin/staff/" + unlinked.body().getString("id"), admin,
        new JsonObject().put("association", "demo-association-sud").encode());
    assertThat(linked.status()).as(linked.body().encode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/associations/mine", node.token("accueil2"), null).body().getString("id"))
        .isEqualTo("demo-association-sud");
  }

  @Test
  void badDepartementsAreRefusedAndCreateNothing() {
    String worker = node.token("camille");
    for (String code : List.of("20", "00", "96", "2a", "7", "975a", "970", "977", "1")) {
      problem(admin("POST", ADMIN, association("Mauvais", "75", code)), 400, "invalid_field", "departements");
      problem(call("GET", SUGGESTIONS + "?departement=" + code, worker, null), 400, "invalid_field",
          "departement");
    }
    problem(admin("POST", ADMIN, association("Vide")), 400, "invalid_field", "departements");
    problem(call("GET", SUGGESTIONS, worker, null), 400, "invalid_field", "departement");
    problem(call("GET", SUGGESTIONS + "?departement=75&language=Romanian", worker, null), 400,
        "invalid_field", "language");
    for (String code : List.of("01", "19", "21", "2A", "2B", "95", "971", "975", "976")) {
      assertThat(admin("POST", ADMIN, association("Bon " + code, code)).status()).as(code).isEqualTo(201);
    }
    assertThat(all()).hasSize(3 + 9);
  }

  @Test
  void otherBadFieldsAreTypedProblemsAndChangeNothing() {
    String id = DemoAssociations.LINKED_ID;
    JsonObject before = admin("GET", ADMIN + "/" + id, null).body();
    List<JsonObject> bad = List.of(
        association("x", "75").put("channels", new JsonArray().add("pigeon")),
        association("x", "75").put("channels", new JsonArray()),
        association("x", "75").put("languages", new JsonArray().add("FR")),
        association("x", "75").put("name", ""),
        association("x", "75").put("name", "n".repeat(101)),
        association("x", "75").put("timeZone", "Europe/Paris"),
        association("x", "75").put("timeZone", "Mars/Olympus").put("hours", new JsonArray()),
        association("x", "75").put("active", "yes"),
        association("x", "75").putNull("approvalReference"));
    for (JsonObject body : bad) {
      problem(admin("POST", ADMIN, body), 400, "invalid_field", "");
      JsonObject patch = body.copy();
      patch.remove("departements");
      if (!body.containsKey("approvalReference") || body.getValue("approvalReference") != null) {
        problem(admin("PATCH", ADMIN + "/" + id, patch), 400, "invalid_field", "");
      }
    }
    problem(call("POST", ADMIN, admin, "not json"), 400, "bad_json", "");
    assertThat(all()).hasSize(3);
    assertThat(admin("GET", ADMIN + "/" + id, null).body()).isEqualTo(before);
  }

  @Test
  void badKeysAndUnknownIdsAreTypedProblemsAndChangeNothing() {
    String id = DemoAssociations.LINKED_ID;
    JsonObject before = admin("GET", ADMIN + "/" + id, null).body();
    byte[] nonCanonical = X25519.generate(new SecureRandom()).publicKey();
    nonCanonical[31] |= (byte) 0x80;
    byte[] order8 = new byte[32];
    order8[0] = 1; // u = 1 has order 4 on the curve
    problem(admin("POST", ADMIN + "/" + id + "/keys", key(Base64Url.encode(new byte[32]))), 400, "bad_key",
        "low order point");
    problem(admin("POST", ADMIN + "/" + id + "/keys", key(Base64Url.encode(order8))), 400, "bad_key", "low order");
    problem(admin("POST", ADMIN + "/" + id + "/keys", key(Base64Url.encode(nonCanonical))), 400, "bad_key",
        "non canonical");
    problem(admin("POST", ADMIN + "/" + id + "/keys", key(Base64Url.encode(new byte[31]))), 400, "bad_key",
        "32 bytes");
    problem(admin("POST", ADMIN + "/" + id + "/keys", key(newKey() + "=")), 400, "bad_key", "base64url");
    problem(admin("POST", ADMIN + "/" + id + "/keys", new JsonObject()), 400, "invalid_field", "publicKey");
    assertThat(admin("GET", ADMIN + "/" + id, null).body()).isEqualTo(before);

    problem(admin("GET", ADMIN + "/nope", null), 404, "unknown_association", "");
    problem(admin("PATCH", ADMIN + "/nope", new JsonObject().put("active", false)), 404, "unknown_association", "");
    problem(admin("POST", ADMIN + "/nope/keys", key(newKey())), 404, "unknown_association", "");
    assertThat(all()).hasSize(3);
  }
}
