package fr.passerelle.reference;

import fr.passerelle.http.WebRoot;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3 document of the public API: written once, in {@value #RESOURCE} on the class path, and served as JSON
 * at {@value #PATH}; and the API reference page {@value #PAGE} (swagger-ui from its WebJar) that shows it.
 */
public final class ApiReference {
  public static final String PATH = "/api/v1/openapi.json";
  public static final String PAGE = "/api-docs/";
  /**
   * The strict policy of every page, with two changes. Images may come from {@code data:} addresses: swagger-ui's
   * stylesheet draws its icons with them. And the page is sandboxed (scripts allowed, in an opaque origin): a large
   * third-party bundle must not run with this origin's rights, under which the worker console keeps its identity keys
   * and its session. Still no inline script, nothing from another origin.
   */
  public static final String PAGE_POLICY = WebRoot.CONTENT_SECURITY_POLICY.replace("img-src 'self'",
      "img-src 'self' data:") + "; sandbox allow-scripts";
  static final String RESOURCE = "api/openapi.yaml";

  private final JsonObject document;
  private final Buffer encoded;
  private final Buffer page;

  private ApiReference(JsonObject document, Buffer page) {
    this.document = document;
    this.encoded = document.toBuffer();
    this.page = page;
  }

  /** Reads the document from the class path; a missing or malformed one stops start-up. */
  public static ApiReference load() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try {
      String yaml = new String(read(RESOURCE), StandardCharsets.UTF_8);
      if (!(json(new Yaml(new SafeConstructor(options)).load(yaml)) instanceof JsonObject document)) {
        throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
      }
      return new ApiReference(document, Buffer.buffer(read("webroot/api-docs/index.html")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document, as served. */
  public JsonObject document() {
    return document.copy();
  }

  /** Mount before {@link WebRoot}, which would serve the page's file with the stricter policy. */
  public void mount(Router router) {
    // Public, and read by the sandboxed page, whose origin is opaque ("null"): any origin may read it.
    router.get(PATH).handler(ctx -> ctx.response().putHeader("content-type", "application/json")
        .putHeader("access-control-allow-origin", "*").end(encoded));
    router.get(PAGE).handler(this::page);
    router.get(PAGE + "index.html").handler(this::page);
  }

  private void page(RoutingContext ctx) {
    ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .putHeader("content-security-policy", PAGE_POLICY).putHeader("x-frame-options", "DENY").end(page);
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      return in.readAllBytes();
    }
  }

  // YAML mappings and sequences as JSON; keys are strings whatever YAML read them as.
  private static Object json(Object yaml) {
    if (yaml instanceof Map<?, ?> map) {
      JsonObject object = new JsonObject();
      map.forEach((key, value) -> object.put(String.valueOf(key), json(value)));
      return object;
    }
    if (yaml instanceof List<?> list) {
      JsonArray array = new JsonArray();
      list.forEach(item -> array.add(json(item)));
      return array;
    }
    if (yaml == null || yaml instanceof String || yaml instanceof Number || yaml instanceof Boolean) {
      return yaml;
    }
    throw new IllegalStateException(RESOURCE + " holds a " + yaml.getClass().getSimpleName() + ": quote it");
  }
}
