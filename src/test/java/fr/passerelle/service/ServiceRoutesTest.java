package fr.passerelle.service;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the widget learns before anyone talks, the admin's change of hours, and who may ask from a browser. */
@ExtendWith(VertxExtension.class)
class ServiceRoutesTest {
  private static final String SITE = "https://www.asso.example";
  private final HttpClient client = HttpClient.newHttpClient();
  private TestNode node;

  @AfterEach
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void describesTheOrganisationItsHoursAndTheEmergencyNumbersToAnyone(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_NAME", "Les Amies du Quai",
        "PASSERELLE_ORGANISATION_PHONE", "+33 1 23 45 67 89"));
    HttpResponse<String> response = send(get("/api/v1/service"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getJsonObject("organisation").getString("id")).isEqualTo("org-demo");
    assertThat(body.getJsonObject("organisation").getString("name")).isEqualTo("Les Amies du Quai");
    assertThat(body.getJsonObject("organisation").getString("rootPublicKey")).matches("[A-Za-z0-9_-]{43}");
    assertThat(body.getBoolean("open")).isTrue();
    assertThat(body.getString("timeZone")).isEqualTo("Europe/Paris");
    assertThat(body.getJsonArray("hours")).hasSize(7).first()
        .isEqualTo(new JsonObject().put("day", "monday").put("from", "00:00").put("to", "24:00"));
    assertThat(body.getValue("nextOpening")).isNull();
    assertThat(body.getJsonArray("emergency")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("number", "17").put("kind", "police"))
        .add(new JsonObject().put("number", "112").put("kind", "emergency"))
        .add(new JsonObject().put("number", "114").put("kind", "sms"))
        .add(new JsonObject().put("number", "119").put("kind", "children"))
        .add(new JsonObject().put("number", "3919").put("kind", "violence-women")));
    assertThat(body.getString("phone")).isEqualTo("+33 1 23 45 67 89");
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("organisation", "open", "timeZone", "hours",
        "nextOpening", "emergency", "phone");
  }

  @Test
  void openAndNextOpeningFollowTheNodesClockInTheConfiguredZone(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_ORGANISATION_OPENING_HOURS", "mon-fri 18:00-23:00",
        "PASSERELLE_ORGANISATION_TIME_ZONE", "America/Cayenne"));
    ZoneId cayenne = ZoneId.of("America/Cayenne");
    ZonedDateTime mondayMorning = node.clock().instant().atZone(cayenne).plusDays(1)
        .with(TemporalAdjusters.next(DayOfWeek.MONDAY)).withHour(10).withMinute(0).withSecond(0).withNano(0);
    node.clock().advance(Duration.between(node.clock().instant(), mondayMorning.toInstant()));

    JsonObject closed = service();
    assertThat(closed.getBoolean("open")).isFalse();
    assertThat(closed.getString("timeZone")).isEqualTo("America/Cayenne");
    assertThat(Instant.parse(closed.getString("nextOpening"))).isEqualTo(mondayMorning.withHour(18).toInstant());
    assertThat(closed.getString("nextOpening")).endsWith("T21:00:00Z");

    node.clock().advance(Duration.ofHours(8));
    JsonObject open = service();
    assertThat(open.getBoolean("open")).isTrue();
    assertThat(open.getValue("nextOpening")).isNull();
  }

  @Test
  void anAdminChangesTheHoursUntilTheNextRestart(Vertx vertx) {
    node = TestNode.start(vertx);
    JsonObject hours = new JsonObject().put("timeZone", "Europe/Bucharest").put("hours", new JsonArray()
        .add(new JsonObject().put("day", "saturday").put("from", "14:00").put("to", "20:00"))
        .add(new JsonObject().put("day", "friday").put("from", "20:00").put("to", "02:00")));

    HttpResponse<String> changed = send(put("/api/v1/service/hours", hours, node.token("admin")));
    assertThat(changed.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(changed.body());
    assertThat(body.getString("timeZone")).isEqualTo("Europe/Bucharest");
    assertThat(body.getJsonArray("hours")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("day", "friday").put("from", "20:00").put("to", "02:00"))
        .add(new JsonObject().put("day", "saturday").put("from", "14:00").put("to", "20:00")));
    assertThat(service()).isEqualTo(body);
  }

  @Test
  void everyNodeOnTheSameStoreAnnouncesTheHoursAnAdminSetOnOne(Vertx vertx) {
    node = TestNode.start(vertx);
    try (TestNode other = TestNode.beside(node)) {
      JsonObject weekend = paris(new JsonArray().add(slot("saturday", "14:00", "20:00")));
      assertThat(service(other).getJsonArray("hours")).as("configured until then").hasSize(7);

      assertThat(send(put("/api/v1/service/hours", weekend, node.token("admin"))).statusCode()).isEqualTo(200);

      assertThat(service(other).getJsonArray("hours")).isEqualTo(weekend.getJsonArray("hours"));
      assertThat(service(other).getString("timeZone")).isEqualTo("Europe/Paris");
    }
  }

  @Test
  void onlyAnAdminMayChangeTheHoursAndOnlyToHoursThatMakeSense(Vertx vertx) {
    node = TestNode.start(vertx);
    JsonObject valid = new JsonObject().put("timeZone", "Europe/Paris").put("hours", new JsonArray());
    assertThat(send(put("/api/v1/service/hours", valid, null)).statusCode()).isEqualTo(401);
    assertThat(send(put("/api/v1/service/hours", valid, node.token("camille"))).statusCode()).isEqualTo(403);
    assertThat(send(put("/api/v1/service/hours", valid, node.token("supervisor"))).statusCode()).isEqualTo(403);
    String admin = node.token("admin");
    for (JsonObject invalid : new JsonObject[] {
        new JsonObject().put("timeZone", "Mars/Olympus").put("hours", new JsonArray()),
        new JsonObject().put("hours", new JsonArray()),
        new JsonObject().put("timeZone", "Europe/Paris"),
        paris(new JsonArray().add(slot("someday", "18:00", "20:00"))),
        paris(new JsonArray().add(slot("monday", "18:00", "18:00"))),
        paris(new JsonArray().add(slot("monday", "8:00", "18:00"))),
        paris(new JsonArray().add("monday 18:00-20:00"))}) {
      HttpResponse<String> refused = send(put("/api/v1/service/hours", invalid, admin));
      assertThat(refused.statusCode()).as(invalid.encode()).isEqualTo(400);
      assertThat(new JsonObject(refused.body()).getString("code")).isEqualTo("invalid_field");
    }
    assertThat(service().getJsonArray("hours")).hasSize(7);
  }

  @Test
  void theSitesThatEmbedTheWidgetMayCreateSessionsAndReadTheServiceFromTheBrowser(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_HTTP_ALLOWED_ORIGINS", SITE + ", https://asso.example"));
    HttpResponse<String> preflight = send(HttpRequest.newBuilder(uri("/api/v1/sessions"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SITE)
        .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type"));
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("access-control-allow-origin")).hasValue(SITE);
    assertThat(preflight.headers().firstValue("access-control-allow-methods").orElseThrow()).contains("POST");
    assertThat(preflight.headers().firstValue("access-control-allow-credentials")).isEmpty();

    HttpResponse<String> created = send(HttpRequest.newBuilder(uri("/api/v1/sessions")).header("Origin", SITE)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"languages\":[\"ro\"]}")));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.headers().firstValue("access-control-allow-origin")).hasValue(SITE);
    HttpResponse<String> service = send(get("/api/v1/service").header("Origin", "https://asso.example"));
    assertThat(service.headers().firstValue("access-control-allow-origin")).hasValue("https://asso.example");

    HttpResponse<String> stranger = send(get("/api/v1/service").header("Origin", "https://elsewhere.example"));
    assertThat(stranger.statusCode()).isEqualTo(200);
    assertThat(stranger.headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(stranger.headers().firstValue("vary")).hasValue("Origin");
    HttpResponse<String> strangerPreflight = send(HttpRequest.newBuilder(uri("/api/v1/sessions"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://elsewhere.example")
        .header("Access-Control-Request-Method", "POST"));
    assertThat(strangerPreflight.statusCode()).isNotEqualTo(204).isLessThan(500);
    assertThat(strangerPreflight.headers().firstValue("access-control-allow-origin")).isEmpty();
    HttpResponse<String> staffApi = send(HttpRequest.newBuilder(uri("/api/v1/auth/login"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", SITE)
        .header("Access-Control-Request-Method", "POST"));
    assertThat(staffApi.headers().firstValue("access-control-allow-origin")).as("staff endpoints stay closed")
        .isEmpty();
  }

  @Test
  void withoutEmbeddingSitesNoOriginIsAllowed(Vertx vertx) {
    node = TestNode.start(vertx);
    HttpResponse<String> service = send(get("/api/v1/service").header("Origin", SITE));
    assertThat(service.headers().firstValue("access-control-allow-origin")).isEmpty();
  }

  private static JsonObject paris(JsonArray hours) {
    return new JsonObject().put("timeZone", "Europe/Paris").put("hours", hours);
  }

  private static JsonObject slot(String day, String from, String to) {
    return new JsonObject().put("day", day).put("from", from).put("to", to);
  }

  private JsonObject service() {
    return service(node);
  }

  private JsonObject service(TestNode from) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(from, "/api/v1/service")).GET());
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(uri(path)).GET();
  }

  private HttpRequest.Builder put(String path, JsonObject body, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("content-type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.encode()));
    return token == null ? builder : builder.header("Authorization", "Bearer " + token);
  }

  private URI uri(String path) {
    return uri(node, path);
  }

  private static URI uri(TestNode at, String path) {
    return URI.create("http://127.0.0.1:" + at.port() + path);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
