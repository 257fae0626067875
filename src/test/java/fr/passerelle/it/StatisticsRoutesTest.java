package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport.Response;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The statistics and campaign routes over real HTTP: every endpoint × role, bad queries and bodies refused with a
 * typed error that changes nothing, suppression and the CSV format as a client receives them.
 */
@ExtendWith(VertxExtension.class)
class StatisticsRoutesTest {
  private static final String QUERY = "/api/v1/statistics?from=2026-01&to=2026-03";
  private static final List<String> ROLES = List.of("camille", "intake", "supervisor", "admin");
  private final Map<String, String> tokens = new HashMap<>();
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private Response call(String method, String path, Optional<String> username, Optional<JsonObject> body) {
    return await(node.transport().request(method, path, username.map(this::token), body.map(JsonObject::encode)));
  }

  /** One login per account: logins are rate-limited. */
  private String token(String username) {
    return tokens.computeIfAbsent(username, node::token);
  }

  private Response admin(String method, String path, JsonObject body) {
    return call(method, path, Optional.of("admin"), Optional.of(body));
  }

  private HttpResponse<String> raw(String path, String username) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port() + path))
        .header("authorization", "Bearer " + token(username)).timeout(Duration.ofSeconds(10)).build();
    try {
      return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  private void count(CellKey key, Measure measure, int times) {
    for (int i = 0; i < times; i++) {
      await(node.node().services().stores().statistics().increment(key, measure));
    }
  }

  private static void refused(Response response, int status, String code, String detailMentions) {
    assertThat(response.status()).as(response.body().encode()).isEqualTo(status);
    assertThat(response.body().getString("code")).isEqualTo(code);
    assertThat(response.body().getString("detail")).contains(detailMentions);
  }

  private static JsonObject campaign(String code, String label, String departement) {
    return new JsonObject().put("code", code).put("label", label).put("departement", departement);
  }

  @Test
  void onlySupervisorsAndAdminsReadStatisticsAndOnlyAdminsChangeCampaigns() {
    admin("POST", "/api/v1/campaigns", campaign("ads-75", "Paris", "75"));
    Map<String, Map<String, Integer>> expected = Map.of(
        "GET " + QUERY, Map.of("camille", 403, "intake", 403, "supervisor", 200, "admin", 200),
        "GET /api/v1/campaigns", Map.of("camille", 403, "intake", 403, "supervisor", 200, "admin", 200),
        "POST /api/v1/campaigns", Map.of("camille", 403, "intake", 403, "supervisor", 403, "admin", 201),
        "PATCH /api/v1/campaigns/ads-75", Map.of("camille", 403, "intake", 403, "supervisor", 403, "admin", 200));
    int created = 0;
    for (var endpoint : expected.entrySet()) {
      String method = endpoint.getKey().split(" ")[0];
      String path = endpoint.getKey().split(" ")[1];
      Optional<JsonObject> body = method.equals("GET") ? Optional.empty()
          : Optional.of(method.equals("POST") ? campaign("c-" + created++, "x", "13") : new JsonObject()
              .put("label", "Paris " + created++));
      refused(call(method, path, Optional.empty(), body), 401, "not_authenticated", "");
      for (String role : ROLES) {
        Response response = call(method, path, Optional.of(role), body);
        assertThat(response.status()).as(endpoint.getKey() + " as " + role).isEqualTo(endpoint.getValue().get(role));
        if (response.status() == 403) {
          assertThat(response.body().getString("code")).isEqualTo("forbidden");
        }
      }
    }
    for (String role : ROLES) {
      int status = raw("/api/v1/statistics.csv?from=2026-01&to=2026-03", role).statusCode();
      assertThat(status).as("csv as " + role).isEqualTo(role.equals("supervisor") || role.equals("admin") ? 200 : 403);
    }
    assertThat(call("GET", "/api/v1/statistics.csv?from=2026-01&to=2026-03", Optional.empty(), Optional.empty())
        .status()).isEqualTo(401);
  }

  @Test
  void badQueriesAreRefusedWithATypedErrorNamingTheParameter() {
    Map<String, String> bad = Map.ofEntries(
        Map.entry("/api/v1/statistics", "from"),
        Map.entry("/api/v1/statistics?from=2026-01", "to"),
        Map.entry("/api/v1/statistics?from=2026-13&to=2026-12", "from"),
        Map.entry("/api/v1/statistics?from=2026-1&to=2026-12", "from"),
        Map.entry("/api/v1/statistics?from=2026-03&to=2026-02", "to"),
        Map.entry("/api/v1/statistics?from=2000-01&to=2010-01", "to"),
        Map.entry(QUERY + "&departement=20", "departement"),
        Map.entry(QUERY + "&departement=977", "departement"),
        Map.entry(QUERY + "&language=FR", "language"),
        Map.entry(QUERY + "&campaign=" + URLEncoder.encode("a b", StandardCharsets.UTF_8), "campaign"),
        Map.entry(QUERY + "&campaign=", "campaign"),
        Map.entry(QUERY + "&language=fr&language=ro", "language"),
        Map.entry(QUERY + "&person=1", "person"));
    for (var query : bad.entrySet()) {
      refused(call("GET", query.getKey(), Optional.of("supervisor"), Optional.empty()), 400, "invalid_field",
          query.getValue());
      refused(call("GET", query.getKey().replace("/statistics", "/statistics.csv"), Optional.of("supervisor"),
          Optional.empty()), 400, "invalid_field", query.getValue());
    }
  }

  @Test
  void countsFromOneToFourAreSuppressedAndFiltersSelectCells() {
    admin("POST", "/api/v1/campaigns", campaign("ads-75", "Paris", "75"));
    CellKey paris = new CellKey(YearMonth.of(2026, 2), "75", "fr", "ads-75");
    CellKey unknown = new CellKey(YearMonth.of(2026, 3), "unknown", "ro", "unknown");
    count(paris, Measure.SESSIONS_STARTED, 6);
    count(paris, Measure.QUEUE_JOINED, 5);
    count(paris, Measure.ABANDONED, 4);
    count(unknown, Measure.SESSIONS_STARTED, 1);
    count(new CellKey(YearMonth.of(2026, 4), "75", "fr", "ads-75"), Measure.SESSIONS_STARTED, 9);

    JsonObject all = call("GET", QUERY, Optional.of("supervisor"), Optional.empty()).body();
    JsonArray cells = all.getJsonArray("cells");
    assertThat(cells).hasSize(2);
    JsonObject first = cells.getJsonObject(0);
    assertThat(first.getString("month")).isEqualTo("2026-02");
    assertThat(first.getString("campaignLabel")).isEqualTo("Paris");
    JsonObject counts = first.getJsonObject("counts");
    assertThat(counts.getLong("sessionsStarted")).isEqualTo(6);
    assertThat(counts.getLong("queueJoined")).isEqualTo(5);
    assertThat(counts.getValue("abandoned")).isNull();
    assertThat(counts.getLong("conversations")).isZero();
    assertThat(counts.getLong("referralsSent")).isZero();
    assertThat(first.getJsonArray("suppressed").getList()).containsExactly("abandoned");
    assertThat(cells.getJsonObject(1).getJsonObject("counts").getValue("sessionsStarted")).isNull();
    assertThat(all.getInteger("threshold")).isEqualTo(5);

    JsonObject filtered = call("GET", QUERY + "&departement=unknown&language=ro&campaign=unknown",
        Optional.of("admin"), Optional.empty()).body();
    assertThat(filtered.getJsonArray("cells")).hasSize(1);
    assertThat(filtered.getJsonArray("cells").getJsonObject(0).getString("month")).isEqualTo("2026-03");
    assertThat(call("GET", QUERY + "&departement=93", Optional.of("admin"), Optional.empty()).body()
        .getJsonArray("cells")).isEmpty();
    count(new CellKey(YearMonth.of(2026, 1), "unknown", "unknown", "unknown"), Measure.LETTERS, 5);
    JsonObject letters = call("GET", QUERY + "&language=unknown", Optional.of("admin"), Optional.empty()).body();
    assertThat(letters.getJsonArray("cells")).hasSize(1);
    assertThat(letters.getJsonArray("cells").getJsonObject(0).getJsonObject("counts").getLong("letters"))
        .isEqualTo(5);
  }

  @Test
  void theCsvIsUtf8WithAHeaderQuotedFieldsNoFormulasAndSuppressedCounts() {
    admin("POST", "/api/v1/campaigns", campaign("ads-974", "=HYPERLINK(\"x\"), \"Réunion\"", "974"));
    count(new CellKey(YearMonth.of(2026, 1), "974", "fr", "ads-974"), Measure.SESSIONS_STARTED, 7);
    count(new CellKey(YearMonth.of(2026, 1), "974", "fr", "ads-974"), Measure.LETTERS, 2);

    HttpResponse<String> csv = raw("/api/v1/statistics.csv?from=2026-01&to=2026-03", "supervisor");

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv; charset=utf-8");
    assertThat(csv.body()).isEqualTo("month,departement,language,campaign,campaignLabel,sessionsStarted,"
        + "queueJoined,abandoned,conversations,possibleMinor,referralsSent,referralsAcknowledged,referralsAccepted,"
        + "letters\r\n"
        + "2026-01,974,fr,ads-974,\"'=HYPERLINK(\"\"x\"\"), \"\"Réunion\"\"\",7,0,0,0,0,0,0,0,<5\r\n");
  }

  @Test
  void badCampaignsAreRefusedAndChangeNothing() {
    admin("POST", "/api/v1/campaigns", campaign("ads-75", "Paris", "75"));
    JsonObject before = call("GET", "/api/v1/campaigns", Optional.of("admin"), Optional.empty()).body();

    refused(admin("POST", "/api/v1/campaigns", campaign("unknown", "x", "75")), 400, "invalid_field", "code");
    refused(admin("POST", "/api/v1/campaigns", campaign("a b", "x", "75")), 400, "invalid_field", "code");
    refused(admin("POST", "/api/v1/campaigns", campaign("c1", "x", "20")), 400, "invalid_field", "departement");
    refused(admin("POST", "/api/v1/campaigns", campaign("c1", "x", "2C")), 400, "invalid_field", "departement");
    refused(admin("POST", "/api/v1/campaigns", campaign("c1", "x", "977")), 400, "invalid_field", "departement");
    refused(admin("POST", "/api/v1/campaigns", campaign("c1", "x", "75").put("visitor", "y")), 400,
        "invalid_field", "visitor");
    refused(admin("POST", "/api/v1/campaigns", new JsonObject().put("code", "c1").put("departement", "75")), 400,
        "invalid_field", "label");
    refused(admin("POST", "/api/v1/campaigns", campaign("ads-75", "Again", "13")), 409, "conflict", "");
    refused(admin("PATCH", "/api/v1/campaigns/ads-75", new JsonObject().put("departement", "96")), 400,
        "invalid_field", "departement");
    refused(admin("PATCH", "/api/v1/campaigns/ads-75", new JsonObject().put("code", "other")), 400,
        "invalid_field", "code");
    refused(admin("PATCH", "/api/v1/campaigns/nope", new JsonObject().put("label", "x")), 404, "not_found", "");

    assertThat(call("GET", "/api/v1/campaigns", Optional.of("admin"), Optional.empty()).body()).isEqualTo(before);
    assertThat(before.getJsonArray("campaigns").getJsonObject(0))
        .isEqualTo(campaign("ads-75", "Paris", "75"));
  }
}
