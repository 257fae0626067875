package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Transport;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The embed snippet on a site of another origin, as an association pastes it: the widget runs there (CORS, the
 * documented Content-Security-Policy), and Chromium refuses to run it when a module's bytes do not match the hash
 * the snippet pins, whether the snippet or the files were changed.
 */
class SnippetBrowserTest {
  private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>");
  /** The module the tampering tests change: loaded by every widget, deep in the import graph. */
  private static final String TAMPERED = "lib/session.js";
  private static WidgetWorld world;
  private static HttpServer site;
  private static final AtomicReference<String> SNIPPET = new AtomicReference<>();
  private static String relay;

  @BeforeAll
  static void start() {
    io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
    site = await(vertx.createHttpServer().requestHandler(siteRoutes(vertx)).listen(0, "127.0.0.1"));
    world = WidgetWorld.start(Map.of("PASSERELLE_HTTP_ALLOWED_ORIGINS", siteOrigin()));
    relay = "http://127.0.0.1:" + world.node().port();
    Transport.Response response = await(world.node().transport().request("GET", "/api/v1/widget/snippet",
        Optional.of(world.node().token("admin")), Optional.empty()));
    assertThat(response.status()).isEqualTo(200);
    SNIPPET.set(response.body().getString("html"));
  }

  @AfterEach
  void eraseWhatATestLeft() {
    world.eraseWaitingVisitors();
  }

  @AfterAll
  static void stop() {
    world.close();
    await(site.close());
  }

  @Test
  void aSiteOfAnotherOriginEmbedsTheSnippetAndTheWidgetWorksThere() {
    WidgetPage page = world.page.open(siteOrigin() + "/embed.html");
    page.selectLanguage("en");
    page.start();
    page.awaitText("Your place in the queue: 1");
    assertThat(page.script("return window.scriptErrors")).isEqualTo(List.of());
    assertThat(page.driver().getCurrentUrl()).startsWith(siteOrigin());
    page.screenshot("snippet-other-origin");
  }

  @Test
  void theHostPageCanHaveANeutralTitleAndCarryTheCampaignCodeOfAnOutreachLink() {
    WidgetPage page = world.page.open(siteOrigin() + "/embed.html?title=yes&campaign=c75-ads");
    assertThat(page.driver().getTitle()).isEqualTo("Recettes de saison");
    page.start();
    var stores = world.node().node().services().stores();
    String session = await(stores.queue().waiting()).get(0).sessionId();
    assertThat(await(stores.sessions().find(session, java.time.Instant.now())).orElseThrow().campaign())
        .hasValue("c75-ads");
  }

  @Test
  void aChangedHashInTheSnippetIsRefusedByTheBrowser() {
    String snippet = SNIPPET.get();
    String genuine = integrity(snippet).getString(relay + "/v/" + version(snippet) + "/" + TAMPERED);
    assertRefused("/embed.html?hash=" + genuine.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
  }

  @Test
  void changedBytesUnderThePinnedHashAreRefusedByTheBrowser() {
    WidgetPage page = world.page;
    page.driver().get(siteOrigin() + "/embed.html?mirror=genuine");
    page.awaitPhase("intro");
    assertThat(page.script("return window.scriptErrors")).as("the mirror itself is fine").isEqualTo(List.of());

    assertRefused("/embed.html?mirror=tampered");
  }

  @Test
  void aChangedTranslationFileIsRefusedLikeTheCode() {
    WidgetPage page = world.page;
    page.driver().get(siteOrigin() + "/embed.html?mirror=tampered-translation");
    page.until(() -> Boolean.TRUE.equals(page.script("return performance.getEntriesByType('resource')"
        + ".some((e) => e.name.endsWith('/widget/i18n/fr.json'))"))
        && page.driver().findElements(By.cssSelector(".passerelle-widget")).isEmpty(),
        "the widget gone after its translation was refused");
    assertThat(page.script("return window.scriptErrors")).isEqualTo(List.of());
  }

  private static void assertRefused(String path) {
    WidgetPage page = world.page;
    page.driver().get(siteOrigin() + path);
    page.until(() -> !((List<?>) page.script("return window.scriptErrors")).isEmpty(), "the module refused");
    assertThat(page.driver().findElements(By.cssSelector(".passerelle-widget"))).isEmpty();
    assertThat((List<?>) page.script("return window.scriptErrors")).singleElement().asString()
        .endsWith("/widget/widget.js");
  }

  // --- the association's site ---

  private static String siteOrigin() {
    return "http://localhost:" + site.actualPort();
  }

  private static Router siteRoutes(io.vertx.core.Vertx vertx) {
    Router router = Router.router(vertx);
    HttpClient client = vertx.createHttpClient();
    // Records the script elements that fail to load: a module graph refused for its integrity fails its element.
    router.get("/watch.js").handler(ctx -> ctx.response().putHeader("content-type", "text/javascript").end("""
        window.scriptErrors = [];
        document.addEventListener('error', (event) => {
          if (event.target instanceof HTMLScriptElement) window.scriptErrors.push(event.target.src);
        }, true);
        """));
    router.get("/embed.html").handler(ctx -> {
      String snippet = SNIPPET.get();
      String mirror = ctx.queryParams().get("mirror");
      String hash = ctx.queryParams().get("hash");
      String base = relay;
      if (mirror != null) {
        base = siteOrigin() + "/mirror/" + mirror;
        snippet = snippet.replace(relay + "/v/", base + "/v/");
      }
      if (hash != null) {
        snippet = snippet.replace(hash, sha384("not the module".getBytes(StandardCharsets.UTF_8)));
      }
      if (ctx.queryParams().contains("title")) {
        snippet = snippet.replace("crossorigin=\"anonymous\"",
            "crossorigin=\"anonymous\" data-neutral-title=\"Recettes de saison\"");
      }
      String sources = base + "/";
      String policy = "default-src 'none'; script-src 'self' " + sources + " " + importMapHash(snippet)
          + "; style-src " + sources + "; connect-src " + sources + " " + sources.replace("http:", "ws:")
          + "; base-uri 'none'; form-action 'none'";
      ctx.response().putHeader("content-type", "text/html; charset=utf-8").putHeader("content-security-policy", policy)
          .end("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Another site</title>"
              + "<script src=\"/watch.js\"></script></head><body><main><h1>An association</h1>" + snippet
              + "</main></body></html>");
    });
    // A copy of the relay's files, served by the site itself; "tampered" changes one byte of one module.
    router.get("/mirror/:kind/*").handler(ctx -> {
      String path = ctx.request().path().substring(("/mirror/" + ctx.pathParam("kind")).length());
      client.request(HttpMethod.GET, world.node().port(), "127.0.0.1", path)
          .compose(request -> request.send().compose(response -> response.body().map(body -> {
            Buffer bytes = body;
            String kind = ctx.pathParam("kind");
            if ("tampered".equals(kind) && path.endsWith("/" + TAMPERED)) {
              bytes = Buffer.buffer(body.toString(StandardCharsets.UTF_8).replace("serialised(", "serialised ("));
            } else if ("tampered-translation".equals(kind) && path.endsWith("/widget/i18n/fr.json")) {
              bytes = Buffer.buffer(body.toString(StandardCharsets.UTF_8).replace("Sortie rapide", "Sortie"));
            }
            ctx.response().setStatusCode(response.statusCode())
                .putHeader("content-type", response.getHeader("content-type")).end(bytes);
            return null;
          }))).onFailure(ctx::fail);
    });
    return router;
  }

  private static JsonObject integrity(String snippet) {
    Matcher m = IMPORT_MAP.matcher(snippet);
    assertThat(m.find()).isTrue();
    return new JsonObject(m.group(1)).getJsonObject("integrity");
  }

  private static String version(String snippet) {
    Matcher m = Pattern.compile("/v/([0-9a-f]{16})/").matcher(snippet);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static String importMapHash(String snippet) {
    Matcher m = IMPORT_MAP.matcher(snippet);
    assertThat(m.find()).isTrue();
    return "'sha256-" + Base64.getEncoder().encodeToString(digest("SHA-256",
        m.group(1).getBytes(StandardCharsets.UTF_8))) + "'";
  }

  private static String sha384(byte[] bytes) {
    return "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384", bytes));
  }

  private static byte[] digest(String algorithm, byte[] bytes) {
    try {
      return MessageDigest.getInstance(algorithm).digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
