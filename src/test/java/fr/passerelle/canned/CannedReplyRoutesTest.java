package fr.passerelle.canned;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Canned replies over real HTTP: who reads, who edits, and every bad request refused with a typed problem. */
@ExtendWith(VertxExtension.class)
class CannedReplyRoutesTest {
  private static final String PATH = "/api/v1/canned-replies";
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

  private static void problem(Response response, int status, String code, String detail) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    assertThat(response.body().getString("type")).isEqualTo("https://passerelle.fr/problems/" + code);
    assertThat(response.body().getString("detail")).contains(detail);
  }

  private static JsonObject reply(String language, String title, String text) {
    return new JsonObject().put("language", language).put("title", title).put("text", text);
  }

  @Test
  void workersSupervisorsAndAdminsReadTheDemoRepliesInFrenchEnglishAndRomanian() {
    for (String username : List.of("camille", "supervisor", "admin")) {
      Response response = call("GET", PATH, node.token(username), null);
      assertThat(response.status()).as(username).isEqualTo(200);
      JsonArray replies = response.body().getJsonArray("replies");
      assertThat(replies.stream().map(r -> ((JsonObject) r).getString("language")).distinct())
          .containsExactly("en", "fr", "ro");
      JsonObject first = replies.getJsonObject(0);
      assertThat(first.fieldNames()).containsExactlyInAnyOrder("id", "language", "title", "text");
    }
    problem(call("GET", PATH, node.token("intake"), null), 403, "forbidden", "");
    problem(call("GET", PATH, null, null), 401, "not_authenticated", "");
    problem(call("GET", PATH, "not-a-token", null), 401, "auth_failed", "");
  }

  @Test
  void anAdminAddsReplacesAndDeletesAReplyThatWorkersThenSee() {
    Response created = call("POST", PATH, admin, reply("pt-br", "Boas-vindas",
        "Olá, obrigada por nos escrever. Estou aqui para ouvir você.").encode());
    assertThat(created.status()).as(created.body().encode()).isEqualTo(201);
    String id = created.body().getString("id");
    assertThat(created.body().getString("language")).isEqualTo("pt-br");
    assertThat(listed(node.token("ioana"))).contains(created.body());

    Response replaced = call("PUT", PATH + "/" + id, admin, reply("pt-br", "Acolhida", "Olá! Estou aqui.").encode());
    assertThat(replaced.status()).isEqualTo(200);
    assertThat(replaced.body()).isEqualTo(reply("pt-br", "Acolhida", "Olá! Estou aqui.").put("id", id));
    assertThat(listed(admin)).contains(replaced.body()).doesNotContain(created.body());

    assertThat(call("DELETE", PATH + "/" + id, admin, null).status()).isEqualTo(204);
    assertThat(listed(admin)).doesNotContain(replaced.body());
    problem(call("DELETE", PATH + "/" + id, admin, null), 404, "not_found", "no such canned reply");
  }

  private List<JsonObject> listed(String token) {
    return call("GET", PATH, token, null).body().getJsonArray("replies").stream().map(JsonObject.class::cast)
        .toList();
  }

  @Test
  void onlyAdminsEdit() {
    String id = listed(admin).get(0).getString("id");
    String body = reply("fr", "Titre", "Texte").encode();
    for (String username : List.of("camille", "supervisor", "intake")) {
      String token = node.token(username);
      problem(call("POST", PATH, token, body), 403, "forbidden", "");
      problem(call("PUT", PATH + "/" + id, token, body), 403, "forbidden", "");
      problem(call("DELETE", PATH + "/" + id, token, null), 403, "forbidden", "");
    }
    problem(call("POST", PATH, null, body), 401, "not_authenticated", "");
    assertThat(listed(admin).get(0).getString("id")).isEqualTo(id);
  }

  @Test
  void badBodiesAreTypedProblemsAndChangeNothing() {
    List<JsonObject> before = listed(admin);
    String id = before.get(0).getString("id");
    Map<String, String> invalid = Map.of(
        "{\"title\":\"T\",\"text\":\"x\"}", "language is required",
        reply("FR", "T", "x").encode(), "language must be a lower-case language code",
        reply("fr", "", "x").encode(), "title",
        reply("fr", "T".repeat(81), "x").encode(), "title",
        reply("fr", "T", " ").encode(), "text",
        reply("fr", "T", "é".repeat(4001)).encode(), "text must have at most 4000 characters",
        new JsonObject().put("language", "fr").put("title", 3).put("text", "x").encode(), "title",
        new JsonObject().put("language", List.of("fr")).put("title", "T").put("text", "x").encode(), "language");
    for (Map.Entry<String, String> bad : invalid.entrySet()) {
      problem(call("POST", PATH, admin, bad.getKey()), 400, "invalid_field", bad.getValue());
      problem(call("PUT", PATH + "/" + id, admin, bad.getKey()), 400, "invalid_field", bad.getValue());
    }
    for (String malformed : List.of("{not json", "[1,2]", "\"text\"", "")) {
      problem(call("POST", PATH, admin, malformed), 400, "bad_json", "");
      problem(call("PUT", PATH + "/" + id, admin, malformed), 400, "bad_json", "");
    }
    problem(call("POST", PATH, admin, "{\"text\":\"" + "a".repeat(20_000) + "\"}"), 413, "too_large", "");
    assertThat(listed(admin)).isEqualTo(before);
  }

  @Test
  void aFourThousandCharacterReplyFitsEvenWithCharactersOutsideTheBasicPlane() {
    Response response = call("POST", PATH, admin, reply("fr", "Long", "🙂".repeat(4000)).encode());
    assertThat(response.status()).as(response.body().encode()).isEqualTo(201);
  }

  @Test
  void unknownIdsAreNotFound() {
    String body = reply("fr", "Titre", "Texte").encode();
    problem(call("PUT", PATH + "/no-such-reply", admin, body), 404, "not_found", "no such canned reply");
    problem(call("DELETE", PATH + "/no-such-reply", admin, null), 404, "not_found", "no such canned reply");
    problem(call("GET", PATH + "/no-such-reply", admin, null), 404, "not_found", "");
  }
}
