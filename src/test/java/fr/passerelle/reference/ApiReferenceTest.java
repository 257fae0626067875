package fr.passerelle.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document and the public router agree, both ways, so the document cannot silently rot: every API and
 * WebSocket route is described, and every described operation is a route. Pages and files ({@code /}, {@code /v/},
 * {@code /webjars/}, the web root) are not API routes; docs/api.md lists them.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiReferenceTest {
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "options", "head");
  private TestNode node;
  private JsonObject document;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.start(vertx);
    document = ApiReference.load().document();
  }

  @AfterAll
  void stop() {
    node.close();
  }

  @Test
  void everyOperationOfThePublicRouterIsDescribedAndEveryDescribedOneExists() {
    Set<String> routed = new TreeSet<>();
    Set<String> anyMethodPaths = new TreeSet<>();
    for (Route route : node.node().publicRouter().getRoutes()) {
      String path = route.getPath();
      if (path == null || !route.isExactPath() || !(path.startsWith("/api/") || path.startsWith("/ws/"))) {
        continue;
      }
      String described = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
      if (route.methods() == null || route.methods().isEmpty()) {
        // A WebSocket upgrade is a GET; other routes for any method add to routes of their path (CORS).
        (path.startsWith("/ws/") ? routed : anyMethodPaths).add(path.startsWith("/ws/") ? "GET " + described
            : described);
      } else {
        route.methods().forEach(method -> routed.add(method.name() + " " + described));
      }
    }

    Set<String> documented = new TreeSet<>();
    document.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).fieldNames().stream()
        .filter(METHODS::contains).forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " "
            + path.getKey())));
    Set<String> documentedPaths = document.getJsonObject("paths").fieldNames();

    assertThat(routed).as("routes of the public router").contains("GET /api/v1/openapi.json",
        "PUT /api/v1/canned-replies/{id}", "GET /ws/supervisor", "GET /ws/visitor");
    assertThat(documented).as("operations in api/openapi.yaml").isEqualTo(routed);
    assertThat(documentedPaths).as("paths of routes for any method (CORS)").containsAll(anyMethodPaths);
  }

  @Test
  void theAuditActionsTheDocumentListsAreExactlyTheOnesRecorded() {
    JsonArray listed = document.getJsonObject("components").getJsonObject("schemas").getJsonObject("AuditAction")
        .getJsonArray("enum");

    assertThat(listed.getList()).containsExactlyElementsOf(Arrays.stream(AuditAction.values())
        .map(AuditAction::wire).toList());
  }

  @Test
  void theDocumentIsOpenApi3WithAnswersForEveryOperationAndNoDanglingReference() {
    assertThat(document.getString("openapi")).startsWith("3.0.");
    assertThat(document.getJsonObject("info").getString("title")).isNotBlank();
    Set<String> operationIds = new TreeSet<>();
    document.getJsonObject("paths").forEach(path -> ((JsonObject) path.getValue()).forEach(entry -> {
      if (METHODS.contains(entry.getKey())) {
        JsonObject operation = (JsonObject) entry.getValue();
        String where = entry.getKey() + " " + path.getKey();
        assertThat(operation.getJsonObject("responses")).as(where).isNotEmpty();
        assertThat(operation.getString("summary")).as(where).isNotBlank();
        assertThat(operationIds.add(operation.getString("operationId"))).as("unique operationId " + where).isTrue();
        operation.getJsonObject("responses").fieldNames().forEach(status -> assertThat(status).as(where)
            .matches("[1-5][0-9][0-9]"));
      }
    }));
    assertReferencesResolve(document);
  }

  @Test
  void theDocumentIsServedAsJson() throws IOException, InterruptedException {
    HttpResponse<String> response = get(ApiReference.PATH);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new JsonObject(response.body())).isEqualTo(document);
  }

  @Test
  void theReferencePageIsSandboxedWithItsOwnPolicyThatOnlyAddsDataImagesAndHasNoInlineScript() throws IOException,
      InterruptedException {
    HttpResponse<String> page = get(ApiReference.PAGE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-security-policy")).hasValue(ApiReference.PAGE_POLICY);
    assertThat(ApiReference.PAGE_POLICY).contains("script-src 'self';", "img-src 'self' data:;")
        .endsWith("; sandbox allow-scripts").doesNotContain("unsafe", "http", "allow-same-origin");
    assertThat(page.headers().firstValue("x-frame-options")).hasValue("DENY");
    assertThat(page.body()).doesNotContainPattern("<script(?![^>]*\\ssrc=)").doesNotContain("style=")
        .contains("/webjars/swagger-ui/");
    assertThat(get(ApiReference.PAGE + "index.html").body()).isEqualTo(page.body());
    assertThat(get("/webjars/swagger-ui/5.34.1/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
        + path)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private void assertReferencesResolve(Object node) {
    if (node instanceof JsonObject object) {
      if (object.getValue("$ref") instanceof String ref) {
        assertThat(ref).startsWith("#/");
        Object target = document;
        for (String part : ref.substring(2).split("/")) {
          target = target instanceof JsonObject parent ? parent.getValue(part) : null;
        }
        assertThat(target).as(ref).isInstanceOf(JsonObject.class);
      }
      object.forEach(entry -> assertReferencesResolve(entry.getValue()));
    } else if (node instanceof JsonArray array) {
      array.forEach(this::assertReferencesResolve);
    }
  }
}
