package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Ed25519;
import fr.passerelle.crypto.X25519;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/v1/admin/audit} over real HTTP: admins only, typed refusals of bad parameters, newest first in
 * pages, filters; entries hold no secret; the retention purge deletes them after {@code retention.audit}.
 */
@ExtendWith(VertxExtension.class)
class AuditRoutesTest {
  private static final String PATH = AuditFixture.PATH;
  private TestNode node;
  private AuditFixture audit;

  private void start(Vertx vertx, Map<String, String> settings) {
    Map<String, String> all = new HashMap<>(Map.of("PASSERELLE_LIMITS_LOGINS_PER_MINUTE", "1000",
        "PASSERELLE_RETENTION_PURGE_INTERVAL", "1h"));
    all.putAll(settings);
    node = TestNode.start(vertx, all);
    audit = new AuditFixture(node);
  }

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  private static String problem(Response response, int status, String code) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    return response.body().getString("detail");
  }

  @Test
  void onlyAnAdminReadsTheLogEveryOtherRoleIsForbiddenAndNoTokenIsUnauthenticated(Vertx vertx) {
    start(vertx, Map.of());
    for (String username : List.of("camille", "supervisor", "intake")) {
      problem(audit.call("GET", PATH, username, null), 403, "forbidden");
    }
    problem(audit.call("GET", PATH, null, null), 401, "not_authenticated");
    Response badToken = await(node.transport().request("GET", PATH, Optional.of("not-a-token"), Optional.empty()));
    problem(badToken, 401, "auth_failed");

    JsonObject page = audit.page("");
    assertThat(page.getJsonArray("entries").stream().map(e -> ((JsonObject) e).getString("actorUsername")))
        .containsExactlyInAnyOrder("camille", "supervisor", "intake", "admin");
    assertThat(page.getValue("next")).isNull();
    assertThat(page.getJsonArray("entries").getJsonObject(0).fieldNames())
        .containsExactlyInAnyOrder("id", "at", "actorId", "actorUsername", "action");
  }

  @Test
  void badQueryParametersAreRefusedNamingTheParameter(Vertx vertx) {
    start(vertx, Map.of());
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("from=yesterday", "from");
    bad.put("to=2026-13-01T00:00:00Z", "to");
    bad.put("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
    bad.put("from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to");
    bad.put("limit=0", "limit");
    bad.put("limit=201", "limit");
    bad.put("limit=ten", "limit");
    bad.put("limit=", "limit");
    bad.put("action=read-messages", "action");
    bad.put("action=LOGIN", "action");
    bad.put("actor=" + "a".repeat(65), "actor");
    bad.put("actor=", "actor");
    bad.put("cursor=not-a-cursor", "cursor");
    bad.put("cursor=" + Base64Url.encode("12.x.id".getBytes(StandardCharsets.UTF_8)), "cursor");
    bad.put("limit=5&limit=6", "limit");
    bad.put("from=" + "9".repeat(300), "from");
    bad.forEach((query, parameter) -> assertThat(problem(audit.call("GET", PATH + "?" + query, "admin", null), 400,
        "invalid_field")).as(query).startsWith(parameter + " "));

    assertThat(audit.page("").getJsonArray("entries")).as("nothing recorded by a refused read").hasSize(1);
  }

  @Test
  void pagesGoNewestFirstAndTheNextCursorReadsOnWithoutGapsOrRepeats(Vertx vertx) {
    start(vertx, Map.of());
    audit.token("admin");
    for (int i = 0; i < 4; i++) {
      node.clock().advance(Duration.ofSeconds(1));
      for (String username : List.of("camille", "ioana")) {
        audit.forget(username);
        audit.token(username);
      }
    }
    List<JsonObject> read = new ArrayList<>();
    JsonObject page = audit.page("limit=3");
    read.addAll(entries(page));
    int pages = 1;
    while (page.getString("next") != null) {
      page = audit.page("limit=3&cursor=" + page.getString("next"));
      read.addAll(entries(page));
      pages++;
    }

    assertThat(pages).isEqualTo(3);
    assertThat(read).hasSize(9);
    assertThat(read.stream().map(e -> e.getString("id")).distinct()).hasSize(9);
    List<Instant> times = read.stream().map(e -> Instant.parse(e.getString("at"))).toList();
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(read.get(8).getString("actorUsername")).isEqualTo("admin");
  }

  @Test
  void filtersSelectByActorActionAndTime(Vertx vertx) {
    start(vertx, Map.of());
    Instant start = node.clock().instant();
    audit.token("admin");
    node.clock().advance(Duration.ofMinutes(1));
    audit.token("camille");
    String camille = audit.staffId("camille");
    node.clock().advance(Duration.ofSeconds(1));
    assertThat(await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "camille").put("password", "wrong password!"))).status()).isEqualTo(401);

    assertThat(entries(audit.page("actor=camille"))).extracting(e -> e.getString("action"))
        .containsExactly("login-failed", "login");
    assertThat(entries(audit.page("actor=" + camille + "&action=login"))).hasSize(1);
    assertThat(entries(audit.page("from=" + start.plusSeconds(1)))).allMatch(e -> "camille".equals(
        e.getString("actorUsername")));
    assertThat(entries(audit.page("to=" + start.plusSeconds(1)))).extracting(e -> e.getString("actorUsername"))
        .containsExactly("admin");
    assertThat(entries(audit.page("action=" + URLEncoder.encode("logout", StandardCharsets.UTF_8)))).isEmpty();
  }

  @Test
  void theLogHoldsNoTokenPasswordAddressSessionConversationOrContent(Vertx vertx) {
    start(vertx, Map.of());
    String adminToken = audit.token("admin");
    Response login = await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "camille").put("password", TestNode.PASSWORD)));
    String refreshToken = login.body().getString("refreshToken");
    VisitorClient visitor = node.visitor("fr");
    WorkerClient worker = node.worker("camille");
    String conversation = ConversationLifecycleTest.connect(visitor, worker);
    await(visitor.send("m-1", "", "c2VjcmV0LW1lc3NhZ2UtYm9keQ"));
    await(worker.end(conversation));
    await(node.transport().request("POST", "/api/v1/auth/logout", Optional.of(login.body().getString("accessToken")),
        Optional.of(new JsonObject().put("refreshToken", refreshToken).encode())));
    assertThat(await(node.transport().post("/api/v1/auth/login",
        new JsonObject().put("username", "mistyped-secret-passphrase").put("password", "x"))).status())
        .isEqualTo(401);

    ServerFootprint footprint = new ServerFootprint().addReachableFrom(node.node().services().stores().audit())
        .addText(audit.page("limit=200").encode());
    Map<String, byte[]> secrets = new LinkedHashMap<>();
    secrets.put("admin access token", utf8(adminToken));
    secrets.put("worker access token", utf8(worker.token()));
    secrets.put("refresh token", utf8(refreshToken));
    secrets.put("password", utf8(TestNode.PASSWORD));
    secrets.put("unknown username", utf8("mistyped-secret-passphrase"));
    secrets.put("address", utf8("127.0.0.1"));
    secrets.put("visitor session", utf8(visitor.session()));
    secrets.put("conversation", utf8(conversation));
    secrets.put("message body", utf8("c2VjcmV0LW1lc3NhZ2UtYm9keQ"));
    assertThat(footprint.size()).as("the walk reached the entries").isGreaterThan(20);
    assertThat(footprint.found(secrets)).isEmpty();
  }

  @Test
  void aDemoCertificateIsRecordedAsTheWorkersOwnUpload(Vertx vertx) {
    start(vertx, Map.of());
    SecureRandom random = new SecureRandom();
    JsonObject keys = new JsonObject().put("dhKey", Base64Url.encode(X25519.generate(random).publicKey()))
        .put("signingKey", Base64Url.encode(Ed25519.generate(random).publicKey()));
    assertThat(audit.call("POST", "/api/v1/workers/me/certificate/demo", "camille", keys).status()).isEqualTo(200);
    audit.single("certificate-uploaded", "camille", null, "demo");
  }

  @Test
  void theRetentionPurgeDeletesEntriesOlderThanRetentionAudit(Vertx vertx) {
    start(vertx, Map.of("PASSERELLE_RETENTION_AUDIT", "30d"));
    audit.token("camille");
    node.clock().advance(Duration.ofDays(20));
    audit.token("ioana");

    node.clock().advance(Duration.ofDays(10).minusSeconds(1));
    await(node.node().purge().runOnce());
    assertThat(entries(audit.page("")).stream().map(e -> e.getString("actorUsername")))
        .containsExactlyInAnyOrder("camille", "ioana", "admin");

    node.clock().advance(Duration.ofSeconds(2));
    await(node.node().purge().runOnce());
    assertThat(entries(audit.page("")).stream().map(e -> e.getString("actorUsername")))
        .containsExactlyInAnyOrder("ioana", "admin");
  }

  private static List<JsonObject> entries(JsonObject page) {
    JsonArray entries = page.getJsonArray("entries");
    return entries.stream().map(JsonObject.class::cast).toList();
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
