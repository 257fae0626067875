package fr.passerelle.reference;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3 document of the public API: written once, in {@value #RESOURCE} on the class path, and served as JSON
 * at {@value #PATH}; the API reference page {@code /api-docs/} shows it.
 */
public final class ApiReference {
  public static final String PATH = "/api/v1/openapi.json";
  static final String RESOURCE = "api/openapi.yaml";

  private final JsonObject document;
  private final Buffer encoded;

  private ApiReference(JsonObject document) {
    this.document = document;
    this.encoded = document.toBuffer();
  }

  /** Reads the document from the class path; a missing or malformed one stops start-up. */
  public static ApiReference load() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path");
      }
      Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
      if (!(json(new Yaml(new SafeConstructor(options)).load(reader)) instanceof JsonObject document)) {
        throw new IllegalStateException(RESOURCE + " is not a YAML mapping");
      }
      return new ApiReference(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document, as served. */
  public JsonObject document() {
    return document.copy();
  }

  public void mount(Router router) {
    router.get(PATH).handler(ctx -> ctx.response().putHeader("content-type", "application/json").end(encoded));
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
