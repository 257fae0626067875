package fr.passerelle.it;

import static fr.passerelle.it.MailboxFixture.letter;
import static fr.passerelle.it.MailboxFixture.mailboxId;
import static fr.passerelle.it.MailboxFixture.newToken;
import static fr.passerelle.it.MailboxFixture.sealed;
import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The anonymous mailbox over real HTTP: every route, with bad input, wrong or missing keys and each staff role.
 * A refused request changes nothing.
 */
@ExtendWith(VertxExtension.class)
class MailboxRoutesTest {
  private TestNode node;
  private MailboxFixture http;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private void start(Vertx vertx, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(Map.of("PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "1000"));
    all.putAll(settings);
    node = TestNode.start(vertx, all);
    http = new MailboxFixture(node);
  }

  private static void refused(Response response, int status, String code) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
  }

  @Test
  void aVisitorLeavesLettersReadsTheMailboxAndAResendIsADuplicate(Vertx vertx) {
    start(vertx, Map.of());
    String token = newToken();
    String first = sealed(1, 300);

    Response created = http.leave(token, letter("l-1", first).put("languages", new JsonArray().add("ro")));
    node.clock().advance(Duration.ofSeconds(30));
    Response again = http.leave(token, letter("l-1", sealed(1, 300)));
    Response second = http.leave(token, letter("l-2", sealed(1, 300)).put("languages", new JsonArray().add("en")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body().getBoolean("duplicate")).isTrue();
    assertThat(again.body().getString("at")).isEqualTo(created.body().getString("at"));
    assertThat(second.status()).isEqualTo(201);
    JsonObject mailbox = http.readMailbox(token).body();
    assertThat(mailbox.getString("mailbox")).isEqualTo(mailboxId(token));
    assertThat(mailbox.getJsonArray("letters")).hasSize(2);
    JsonObject letter = mailbox.getJsonArray("letters").getJsonObject(0);
    assertThat(letter.fieldNames()).containsExactlyInAnyOrder("id", "from", "at", "sealed");
    assertThat(letter.getString("sealed")).isEqualTo(first);
    assertThat(letter.getString("from")).isEqualTo("visitor");
    assertThat(Instant.parse(mailbox.getString("expiresAt")))
        .isEqualTo(Instant.parse(second.body().getString("at")).plus(Duration.ofDays(7)));
    JsonObject staffView = http.staff("GET", "/api/v1/mailboxes/" + mailboxId(token), "camille").body();
    assertThat(staffView.getJsonArray("languages")).containsExactly("ro");
  }

  @Test
  void aWrongOrMissingMailboxKeyOpensNothing(Vertx vertx) {
    start(vertx, Map.of());
    String token = newToken();
    http.leave(token, letter("l-1", sealed(1, 300)));

    refused(http.readMailbox(newToken()), 404, "not_found");
    for (String header : new String[] {null, "Bearer " + node.token("camille"), "Mailbox short", "Mailbox " + token
        + "A", "Mailbox " + token.substring(0, 42) + "=", token}) {
      Response response = await(node.transport().authorized("GET", "/api/v1/mailbox", Optional.ofNullable(header),
          Optional.empty()));
      refused(response, 401, "auth_failed");
    }
    Response bearerPost = await(node.transport().request("POST", "/api/v1/mailbox/letters",
        Optional.of(node.token("camille")), Optional.of(letter("l-2", sealed(1, 300)).encode())));
    refused(bearerPost, 401, "auth_failed");
    assertThat(http.visitor("DELETE", "/api/v1/mailbox", newToken(), Optional.empty()).status()).isEqualTo(204);
    assertThat(http.readMailbox(token).body().getJsonArray("letters")).hasSize(1);
  }

  @Test
  void badLettersAreRefusedAndCreateNoMailbox(Vertx vertx) {
    start(vertx, Map.of("PASSERELLE_LIMITS_LETTER_BYTES", "1000"));
    String token = newToken();
    Map<String, JsonObject> invalid = new HashMap<>();
    invalid.put("no id", new JsonObject().put("sealed", sealed(1, 300)));
    invalid.put("bad id", letter("l 1", sealed(1, 300)));
    invalid.put("long id", letter("l".repeat(65), sealed(1, 300)));
    invalid.put("no sealed", new JsonObject().put("id", "l-1"));
    invalid.put("sealed not text", new JsonObject().put("id", "l-1").put("sealed", 12));
    invalid.put("padded base64", letter("l-1", sealed(1, 300) + "="));
    invalid.put("standard base64", letter("l-1", "AQE+/w"));
    invalid.put("a worker's letter", letter("l-1", sealed(2, 300)));
    invalid.put("another version", letter("l-1", "AgE"));
    invalid.put("one byte", letter("l-1", "AQ"));
    invalid.put("bad languages", letter("l-1", sealed(1, 300)).put("languages", new JsonArray().add("Français")));
    invalid.put("no languages", letter("l-1", sealed(1, 300)).put("languages", new JsonArray()));
    invalid.forEach((what, body) -> assertThat(http.leave(token, body).body().getString("code")).as(what)
        .isEqualTo("invalid_field"));
    Response notJson = await(node.transport().authorized("POST", "/api/v1/mailbox/letters",
        Optional.of("Mailbox " + token), Optional.of("[1, 2]")));
    refused(notJson, 400, "bad_json");
    refused(http.leave(token, letter("l-1", sealed(1, 1001))), 413, "too_large");
    refused(http.leave(token, letter("l-1", sealed(1, 200_000))), 413, "too_large");

    refused(http.readMailbox(token), 404, "not_found");
    assertThat(http.leave(token, letter("l-1", sealed(1, 1000))).status()).isEqualTo(201);
  }

  @Test
  void aMailboxHoldsAtMostItsLettersAndTheServerAtMostItsMailboxes(Vertx vertx) {
    start(vertx, Map.of("PASSERELLE_LIMITS_LETTERS_PER_MAILBOX", "2", "PASSERELLE_LIMITS_MAILBOXES", "1"));
    String token = newToken();
    http.leave(token, letter("l-1", sealed(1, 300)));
    http.leave(token, letter("l-2", sealed(1, 300)));

    refused(http.leave(token, letter("l-3", sealed(1, 300))), 409, "mailbox_full");
    refused(http.staff("POST", "/api/v1/mailboxes/" + mailboxId(token) + "/letters", Optional.of("camille"),
        Optional.of(letter("r-1", sealed(2, 300)))), 409, "mailbox_full");
    String other = newToken();
    refused(http.leave(other, letter("l-1", sealed(1, 300))), 503, "mailboxes_full");
    refused(http.readMailbox(other), 404, "not_found");
    assertThat(http.readMailbox(token).body().getJsonArray("letters")).hasSize(2);
  }

  @Test
  void theVisitorRoutesAreRateLimitedPerClientButTheQuickExitIsNot(Vertx vertx) {
    start(vertx, Map.of("PASSERELLE_LIMITS_SESSIONS_PER_MINUTE", "2"));
    String token = newToken();
    http.leave(token, letter("l-1", sealed(1, 300)));
    http.readMailbox(token);

    Response limited = http.readMailbox(token);
    refused(limited, 429, "rate_limited");
    assertThat(limited.retryAfter()).isPresent();
    refused(await(node.transport().request("GET", "/api/v1/letters/recipients", Optional.empty(),
        Optional.empty())), 429, "rate_limited");
    assertThat(http.visitor("DELETE", "/api/v1/mailbox", token, Optional.empty()).status()).isEqualTo(204);
    assertThat(await(node.node().services().stores().mailboxes().find(mailboxId(token)))).isEmpty();
  }

  @Test
  void workersAndAdminsSeeTheMailboxesAwaitingFirstAndSupervisorsSeeNothing(Vertx vertx) {
    start(vertx, Map.of());
    String answered = newToken();
    http.leave(answered, letter("l-1", sealed(1, 300)).put("languages", new JsonArray().add("fr")));
    node.clock().advance(Duration.ofMinutes(1));
    String waiting = newToken();
    http.leave(waiting, letter("l-1", sealed(1, 300)).put("languages", new JsonArray().add("ro").add("fr")));
    node.clock().advance(Duration.ofMinutes(1));
    Response reply = http.staff("POST", "/api/v1/mailboxes/" + mailboxId(answered) + "/letters",
        Optional.of("camille"), Optional.of(letter("r-1", sealed(2, 300))));
    assertThat(reply.status()).isEqualTo(201);

    for (String username : new String[] {"camille", "admin"}) {
      JsonArray mailboxes = http.staff("GET", "/api/v1/mailboxes", username).body().getJsonArray("mailboxes");
      assertThat(mailboxes.stream().map(m -> ((JsonObject) m).getString("id")))
          .containsExactly(mailboxId(waiting), mailboxId(answered));
      JsonObject first = mailboxes.getJsonObject(0);
      assertThat(first.getBoolean("awaitingReply")).isTrue();
      assertThat(first.getInteger("letters")).isEqualTo(1);
      assertThat(first.getJsonArray("languages")).containsExactly("ro", "fr");
      assertThat(first.fieldNames()).containsExactlyInAnyOrder("id", "languages", "created", "updated", "letters",
          "awaitingReply", "expiresAt");
      assertThat(mailboxes.getJsonObject(1).getBoolean("awaitingReply")).isFalse();
    }
    JsonObject thread = http.staff("GET", "/api/v1/mailboxes/" + mailboxId(answered), "admin").body();
    JsonObject workerLetter = thread.getJsonArray("letters").getJsonObject(1);
    assertThat(workerLetter.getString("from")).isEqualTo("worker");
    assertThat(workerLetter.getString("worker")).isEqualTo(staffId("camille"));
    assertThat(thread.getJsonArray("letters").getJsonObject(0).containsKey("worker")).isFalse();
    assertThat(http.readMailbox(answered).body().getJsonArray("letters").getJsonObject(1).containsKey("worker"))
        .isFalse();

    refused(http.staff("GET", "/api/v1/mailboxes", "supervisor"), 403, "forbidden");
    refused(http.staff("GET", "/api/v1/mailboxes/" + mailboxId(waiting), "supervisor"), 403, "forbidden");
    refused(http.staff("DELETE", "/api/v1/mailboxes/" + mailboxId(waiting), "supervisor"), 403, "forbidden");
    refused(http.staff("GET", "/api/v1/mailboxes", Optional.empty(), Optional.empty()), 401, "not_authenticated");
    refused(http.staff("GET", "/api/v1/mailboxes/unknown", "camille"), 404, "not_found");
  }

  @Test
  void onlyWorkersAnswerWithAWorkersLetterToAnExistingMailbox(Vertx vertx) {
    start(vertx, Map.of("PASSERELLE_LIMITS_LETTER_BYTES", "1000"));
    String token = newToken();
    http.leave(token, letter("l-1", sealed(1, 300)));
    String path = "/api/v1/mailboxes/" + mailboxId(token) + "/letters";

    refused(http.staff("POST", path, Optional.of("admin"), Optional.of(letter("r-1", sealed(2, 300)))), 403,
        "forbidden");
    refused(http.staff("POST", path, Optional.of("supervisor"), Optional.of(letter("r-1", sealed(2, 300)))), 403,
        "forbidden");
    refused(http.staff("POST", path, Optional.empty(), Optional.of(letter("r-1", sealed(2, 300)))), 401,
        "not_authenticated");
    refused(http.staff("POST", path, Optional.of("camille"), Optional.of(letter("r-1", sealed(1, 300)))), 400,
        "invalid_field");
    refused(http.staff("POST", path, Optional.of("camille"), Optional.of(letter("r-1", sealed(2, 1001)))), 413,
        "too_large");
    refused(http.staff("POST", path, Optional.of("camille"), Optional.of(letter("l-1", sealed(2, 300)))), 409,
        "conflict");
    refused(http.staff("POST", "/api/v1/mailboxes/" + mailboxId(newToken()) + "/letters", Optional.of("camille"),
        Optional.of(letter("r-1", sealed(2, 300)))), 404, "not_found");
    assertThat(http.readMailbox(token).body().getJsonArray("letters")).hasSize(1);

    Response created = http.staff("POST", path, Optional.of("ioana"), Optional.of(letter("r-1", sealed(2, 300))));
    Response duplicate = http.staff("POST", path, Optional.of("ioana"), Optional.of(letter("r-1", sealed(2, 300))));
    assertThat(created.status()).isEqualTo(201);
    assertThat(duplicate.status()).isEqualTo(200);
    assertThat(duplicate.body().getBoolean("duplicate")).isTrue();
    assertThat(http.readMailbox(token).body().getJsonArray("letters")).hasSize(2);
  }

  @Test
  void aMailboxIsDiscardedByStaffOrDeletedByItsVisitor(Vertx vertx) {
    start(vertx, Map.of());
    String spam = newToken();
    String mine = newToken();
    http.leave(spam, letter("l-1", sealed(1, 300)));
    http.leave(mine, letter("l-1", sealed(1, 300)));

    assertThat(http.staff("DELETE", "/api/v1/mailboxes/" + mailboxId(spam), "camille").status()).isEqualTo(204);
    refused(http.staff("DELETE", "/api/v1/mailboxes/" + mailboxId(spam), "admin"), 404, "not_found");
    refused(http.readMailbox(spam), 404, "not_found");
    assertThat(http.visitor("DELETE", "/api/v1/mailbox", mine, Optional.empty()).status()).isEqualTo(204);
    assertThat(http.visitor("DELETE", "/api/v1/mailbox", mine, Optional.empty()).status()).isEqualTo(204);
    refused(http.readMailbox(mine), 404, "not_found");
    assertThat(http.staff("GET", "/api/v1/mailboxes", "camille").body().getJsonArray("mailboxes")).isEmpty();
  }

  @Test
  void theRetentionPurgeDeletesAMailboxSevenDaysAfterItsLastLetter(Vertx vertx) {
    start(vertx, Map.of());
    String token = newToken();
    http.leave(token, letter("l-1", sealed(1, 300)));
    node.clock().advance(Duration.ofDays(3));
    http.staff("POST", "/api/v1/mailboxes/" + mailboxId(token) + "/letters", Optional.of("camille"),
        Optional.of(letter("r-1", sealed(2, 300))));

    node.clock().advance(Duration.ofDays(7).minusSeconds(1));
    await(node.node().purge().runOnce());
    assertThat(http.readMailbox(token).status()).isEqualTo(200);

    node.clock().advance(Duration.ofSeconds(2));
    assertThat(await(node.node().purge().runOnce())).isGreaterThanOrEqualTo(3);
    refused(http.readMailbox(token), 404, "not_found");
  }

  private String staffId(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }
}
