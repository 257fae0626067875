package fr.passerelle.widget;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.http.WebRoot;
import fr.passerelle.it.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The widget's files under their immutable version, the snippet that pins them, and the demo page that uses it. */
@ExtendWith(VertxExtension.class)
class WidgetRoutesTest {
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>");
  private static final Path WEBROOT = Path.of("src/main/resources/webroot");
  private final HttpClient client = HttpClient.newHttpClient();
  private TestNode node;

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void theVersionIsTheHashOfEveryFileOfTheWidgetAndTheLibraryAsDocumented(Vertx vertx) throws Exception {
    node = TestNode.start(vertx);
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    TreeMap<String, byte[]> files = new TreeMap<>();
    for (String folder : List.of("lib", "widget")) {
      try (Stream<Path> paths = Files.walk(WEBROOT.resolve(folder))) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          files.put(WEBROOT.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
        }
      }
    }
    files.forEach((path, bytes) -> {
      sha256.update(path.getBytes(StandardCharsets.UTF_8));
      sha256.update((byte) 0);
      sha256.update(ByteBuffer.allocate(8).putLong(bytes.length).array());
      sha256.update(bytes);
    });
    String expected = HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    assertThat(snippet(node.token("admin")).getString("version")).isEqualTo(expected);
  }

  @Test
  void everyFileTheSnippetPinsIsServedWithExactlyThatHashAndIsImmutable(Vertx vertx) throws Exception {
    node = TestNode.start(vertx);
    JsonObject snippet = snippet(node.token("admin"));
    String version = snippet.getString("version");
    JsonObject integrity = importMap(snippet.getString("html")).getJsonObject("integrity");
    assertThat(integrity.fieldNames()).contains(origin() + "/v/" + version + "/widget/widget.js",
        origin() + "/v/" + version + "/widget/widget.css", origin() + "/v/" + version + "/widget/i18n/sq.json",
        origin() + "/v/" + version + "/lib/index.js");
    for (String url : integrity.fieldNames()) {
      HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      assertThat(file.statusCode()).as(url).isEqualTo(200);
      String sha384 = "sha384-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-384").digest(file.body()));
      assertThat(sha384).as(url).isEqualTo(integrity.getString(url));
      assertThat(file.headers().firstValue("cache-control")).hasValue("public, max-age=31536000, immutable");
      assertThat(file.headers().firstValue("access-control-allow-origin")).hasValue("*");
    }
    HttpResponse<String> css = get("/v/" + version + "/widget/widget.css");
    assertThat(css.headers().firstValue("content-type").orElseThrow()).startsWith("text/css");
    HttpResponse<String> json = get("/v/" + version + "/widget/i18n/fr.json");
    assertThat(json.headers().firstValue("content-type").orElseThrow()).startsWith("application/json");
  }

  @Test
  void nothingIsServedUnderAnotherVersionOrOutsideTheWebRoot(Vertx vertx) {
    node = TestNode.start(vertx);
    String version = snippet(node.token("admin")).getString("version");
    assertThat(get("/v/0123456789abcdef/widget/widget.js").statusCode()).isEqualTo(404);
    HttpResponse<String> missing = get("/v/" + version + "/widget/nothing.js");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(get("/v/" + version + "/widget/").statusCode()).isEqualTo(404);
    assertThat(get("/v/" + version + "/%2e%2e/fr/passerelle/app/Main.class").statusCode()).isEqualTo(404);
    assertThat(get("/v/" + version + "/../logging.properties").statusCode()).isEqualTo(404);
    HttpResponse<String> page = get("/v/" + version + "/index.html");
    assertThat(page.headers().firstValue("content-security-policy")).hasValue(WebRoot.CONTENT_SECURITY_POLICY);
  }

  @Test
  void onlyAnAdminGetsTheSnippetWhichNamesThePublicUrlAndTheOrganisation(Vertx vertx) {
    node = TestNode.start(vertx, Map.of("PASSERELLE_HTTP_PUBLIC_URL", "https://chat.asso.example/",
        "PASSERELLE_ORGANISATION_NAME", "L'Amicale \"du quai\" & co",
        "PASSERELLE_ORGANISATION_EXIT_URL", "https://www.example.org/meteo"));
    assertThat(get("/api/v1/widget/snippet").statusCode()).isEqualTo(401);
    assertThat(send(HttpRequest.newBuilder(uri("/api/v1/widget/snippet"))
        .header("Authorization", "Bearer " + node.token("camille"))).statusCode()).isEqualTo(403);
    JsonObject snippet = snippet(node.token("admin"));
    String version = snippet.getString("version");
    String html = snippet.getString("html");
    String root = "https://chat.asso.example/v/" + version + "/";
    assertThat(html).startsWith("<script type=\"importmap\">{\"integrity\":{\"" + root)
        .contains("<script type=\"module\" src=\"" + root + "widget/widget.js\" integrity=\"sha384-")
        .contains("crossorigin=\"anonymous\" data-org-id=\"org-demo\"")
        .contains("data-org-name=\"L&#39;Amicale &quot;du quai&quot; &amp; co\"")
        .contains("data-root-key=\"" + Base64Url.encode(node.node().organisationRoot().publicKey()) + "\"")
        .contains("data-exit-url=\"https://www.example.org/meteo\"")
        .endsWith("></script>");
    JsonObject integrity = importMap(html).getJsonObject("integrity");
    assertThat(html).contains("integrity=\"" + integrity.getString(root + "widget/widget.js") + "\"");
  }

  @Test
  void theRootIsTheDemoPageWithTheSnippetAndAPolicyThatAllowsOnlyItsImportMap(Vertx vertx) throws Exception {
    node = TestNode.start(vertx);
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    String map = matcher(page.body()).group(1);
    String hash = "'sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(map.getBytes(StandardCharsets.UTF_8))) + "'";
    assertThat(page.headers().firstValue("content-security-policy")).hasValue(
        WebRoot.CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' " + hash));
    assertThat(page.headers().firstValue("cache-control")).hasValue("no-store");
    assertThat(page.body()).contains("src=\"/v/").doesNotContain(DemoPage.MARKER).contains("<html lang=\"fr\">");
    assertThat(get("/index.html").body()).isEqualTo(page.body());
  }

  private JsonObject snippet(String token) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/v1/widget/snippet"))
        .header("Authorization", "Bearer " + token));
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static JsonObject importMap(String html) {
    return new JsonObject(matcher(html).group(1));
  }

  private static Matcher matcher(String html) {
    Matcher m = IMPORT_MAP.matcher(html);
    assertThat(m.find()).as("an import map").isTrue();
    return m;
  }

  private String origin() {
    return "http://127.0.0.1:" + node.port();
  }

  private URI uri(String path) {
    return URI.create(origin() + path);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
