package fr.passerelle.staff;

import static fr.passerelle.staff.StaffServer.ADMIN_PASSWORD;
import static fr.passerelle.staff.StaffServer.WORKER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.staff.StaffServer.Response;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class StaffAdminTest {
  private static final String STAFF = "/api/v1/admin/staff";
  private StaffServer server;
  private String admin;

  @BeforeEach
  void start(Vertx vertx) {
    server = new StaffServer(vertx);
    admin = server.accessToken("admin", ADMIN_PASSWORD);
  }

  @Test
  void adminCreatesListsReadsAndPatchesAccounts() {
    Response created = call(HttpMethod.POST, STAFF, newAccount().encode());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject account = created.json();
    String id = account.getString("id");
    assertThat(account.getString("username")).isEqualTo("dominique");
    assertThat(account.getJsonArray("languages")).containsExactly("fr", "pt-br");
    assertThat(account.getJsonArray("skills")).containsExactly("possible-minor");
    assertThat(account.containsKey("association")).isFalse();
    assertThat(account.getBoolean("enabled")).isTrue();

    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(3);
    assertThat(call(HttpMethod.GET, STAFF + "/" + id, null).json()).isEqualTo(account);
    assertThat(server.login("dominique", "a long enough password").status()).isEqualTo(200);

    Response patched = call(HttpMethod.PATCH, STAFF + "/" + id, new JsonObject().put("pseudonym", "Dom")
        .put("capacity", 5).put("languages", new JsonArray().add("ro")).put("password", "another long password")
        .encode());
    assertThat(patched.status()).as(patched.body()).isEqualTo(200);
    assertThat(patched.json().getString("pseudonym")).isEqualTo("Dom");
    assertThat(patched.json().getInteger("capacity")).isEqualTo(5);
    assertThat(patched.json().getJsonArray("languages")).containsExactly("ro");
    server.login("dominique", "a long enough password").problem(401, "auth_failed");
    assertThat(server.login("dominique", "another long password").status()).isEqualTo(200);
  }

  @Test
  void passwordChangeRevokesRefreshTokens() {
    String refresh = server.login("worker", WORKER_PASSWORD).json().getString("refreshToken");

    call(HttpMethod.PATCH, STAFF + "/" + server.worker.id(), "{\"password\":\"a brand new password\"}");

    server.post("/api/v1/auth/refresh", new JsonObject().put("refreshToken", refresh).encode())
        .problem(401, "auth_failed");
  }

  @Test
  void passwordHashNeverAppearsInResponses() {
    String id = call(HttpMethod.POST, STAFF, newAccount().encode()).json().getString("id");
    String[] bodies = {call(HttpMethod.GET, STAFF, null).body(), call(HttpMethod.GET, STAFF + "/" + id, null).body(),
        call(HttpMethod.PATCH, STAFF + "/" + id, "{\"capacity\":2}").body(),
        server.login("dominique", "a long enough password").body()};

    for (String body : bodies) {
      assertThat(body).doesNotContain("argon2").doesNotContainIgnoringCase("passwordHash")
          .doesNotContain(server.worker.passwordHash().substring(30));
    }
  }

  @Test
  void duplicateUsernameIsAConflictWhateverTheCase() {
    call(HttpMethod.POST, STAFF, newAccount().put("username", "WORKER").encode()).problem(409, "conflict");
    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(2);
  }

  @Test
  void unknownIdIsNotFound() {
    call(HttpMethod.GET, STAFF + "/no-such-id", null).problem(404, "not_found");
    call(HttpMethod.PATCH, STAFF + "/no-such-id", "{\"capacity\":2}").problem(404, "not_found");
  }

  @Test
  void malformedJsonIsBadJsonAndCreatesNothing() {
    call(HttpMethod.POST, STAFF, "{\"username\": \"dominique\",").problem(400, "bad_json");
    call(HttpMethod.POST, STAFF, "[1, 2]").problem(400, "bad_json");
    server.post("/api/v1/auth/login", "").problem(400, "bad_json");
    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(2);
  }

  @Test
  void wrongFieldTypesAndValuesAreInvalidFieldAndChangeNothing() {
    String[][] cases = {
        {"username", "42"}, {"languages", "\"fr\""}, {"languages", "[\"FR\"]"}, {"skills", "[\"cooking\"]"},
        {"capacity", "0"}, {"capacity", "21"}, {"capacity", "\"3\""}, {"role", "\"root\""}, {"password", "\"short\""}};
    for (String[] c : cases) {
      JsonObject body = newAccount().put(c[0], new JsonObject("{\"v\":" + c[1] + "}").getValue("v"));
      JsonObject problem = call(HttpMethod.POST, STAFF, body.encode()).problem(400, "invalid_field");
      assertThat(problem.getString("detail")).startsWith(c[0]);
    }
    call(HttpMethod.PATCH, STAFF + "/" + server.worker.id(), "{\"capacity\":\"9\"}").problem(400, "invalid_field");
    call(HttpMethod.PATCH, STAFF + "/" + server.worker.id(), "{\"enabled\":\"no\"}").problem(400, "invalid_field");
    server.post("/api/v1/auth/login", "{\"username\":7,\"password\":\"x\"}").problem(400, "invalid_field");

    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(2);
    JsonObject worker = call(HttpMethod.GET, STAFF + "/" + server.worker.id(), null).json();
    assertThat(worker.getInteger("capacity")).isEqualTo(3);
    assertThat(worker.getBoolean("enabled")).isTrue();
  }

  @Test
  void oversizedBodyIsTooLargeAndCreatesNothing() {
    String big = newAccount().put("pseudonym", "x".repeat(20_000)).encode();

    call(HttpMethod.POST, STAFF, big).problem(413, "too_large");
    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(2);
  }

  @Test
  void onlyAnIntakeAccountIsLinkedToAnAssociationOfTheDirectory() {
    JsonObject intake = newAccount().put("username", "accueil").put("role", "intake").put("association", "assoc-75");
    Response created = call(HttpMethod.POST, STAFF, intake.encode());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.json().getString("association")).isEqualTo("assoc-75");

    call(HttpMethod.POST, STAFF, newAccount().put("association", "assoc-75").encode())
        .problem(400, "invalid_field");
    call(HttpMethod.POST, STAFF, intake.put("username", "accueil2").put("association", "nowhere").encode())
        .problem(404, "unknown_association");
    call(HttpMethod.PATCH, STAFF + "/" + id, new JsonObject().put("association", "nowhere").encode())
        .problem(404, "unknown_association");
    assertThat(call(HttpMethod.GET, STAFF, null).json().getJsonArray("staff")).hasSize(3);
    assertThat(call(HttpMethod.GET, STAFF + "/" + id, null).json().getString("association")).isEqualTo("assoc-75");

    Response moved = call(HttpMethod.PATCH, STAFF + "/" + id, new JsonObject().put("association", "assoc-13").encode());
    assertThat(moved.json().getString("association")).isEqualTo("assoc-13");
    Response unlinked = call(HttpMethod.PATCH, STAFF + "/" + id, "{\"association\": null}");
    assertThat(unlinked.status()).as(unlinked.body()).isEqualTo(200);
    assertThat(unlinked.json().containsKey("association")).isFalse();

    Response worker = call(HttpMethod.POST, STAFF, newAccount().encode());
    call(HttpMethod.PATCH, STAFF + "/" + worker.json().getString("id"),
        new JsonObject().put("association", "assoc-75").encode()).problem(400, "invalid_field");
  }

  private static JsonObject newAccount() {
    return new JsonObject().put("username", "dominique").put("pseudonym", "Dominique").put("role", "worker")
        .put("password", "a long enough password").put("languages", new JsonArray().add("pt-br").add("fr"))
        .put("skills", new JsonArray().add("possible-minor")).put("capacity", 4);
  }

  private Response call(HttpMethod method, String path, String body) {
    return server.send(method, path, Optional.of(admin), Optional.ofNullable(body));
  }
}
