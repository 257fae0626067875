package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the audit tests share: staff requests with one login per account, and the admin's reading of the log. */
final class AuditFixture {
  static final String PATH = "/api/v1/admin/audit";

  private final TestNode node;
  private final Map<String, String> tokens = new HashMap<>();

  AuditFixture(TestNode node) {
    this.node = node;
  }

  /** A staff request as {@code username} (logged in once, then the token is kept), or with no token when null. */
  Response call(String method, String path, String username, JsonObject body) {
    Optional<String> token = Optional.ofNullable(username).map(this::token);
    return await(node.transport().request(method, path, token, Optional.ofNullable(body).map(JsonObject::encode)));
  }

  String token(String username) {
    return tokens.computeIfAbsent(username, node::token);
  }

  /** Forgets a kept token, so that the next call logs in again. */
  void forget(String username) {
    tokens.remove(username);
  }

  /** The admin's answer to {@code GET /api/v1/admin/audit?query}; asserts it is a 200. */
  JsonObject page(String query) {
    Response response = call("GET", PATH + (query.isEmpty() ? "" : "?" + query), "admin", null);
    assertThat(response.status()).as(response.body().encode()).isEqualTo(200);
    return response.body();
  }

  /** Every entry of one action, newest first. */
  List<JsonObject> entries(String action) {
    JsonArray entries = page("action=" + action + "&limit=200").getJsonArray("entries");
    return entries.stream().map(JsonObject.class::cast).toList();
  }

  String staffId(String username) {
    return await(node.node().services().stores().staff().findByUsername(username)).orElseThrow().id();
  }

  /** Asserts one entry of {@code action} by {@code username}, with these target and detail (null for none). */
  JsonObject single(String action, String username, String target, String detail) {
    List<JsonObject> found = entries(action);
    assertThat(found).as(action).hasSize(1);
    JsonObject entry = found.get(0);
    assertThat(entry.getString("actorUsername")).as(action).isEqualTo(username);
    assertThat(entry.getString("actorId")).as(action).isEqualTo(staffId(username));
    assertThat(entry.getString("target")).as(action + " target").isEqualTo(target);
    assertThat(entry.getString("detail")).as(action + " detail").isEqualTo(detail);
    assertThat(entry.getString("at")).isEqualTo(node.clock().instant().toString());
    return entry;
  }
}
