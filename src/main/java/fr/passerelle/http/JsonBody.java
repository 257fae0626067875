package fr.passerelle.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a request body as a JSON object and its fields with strict types, failing with a typed ApiException. */
public final class JsonBody {
  private JsonBody() {}

  /** The body as a JSON object; {@code BAD_JSON} when it is missing, malformed or not an object. */
  public static JsonObject object(RoutingContext ctx) {
    try {
      JsonObject json = ctx.body().asJsonObject();
      if (json == null) {
        throw ApiException.of(ErrorCode.BAD_JSON);
      }
      return json;
    } catch (RuntimeException e) {
      throw e instanceof ApiException api ? api : ApiException.of(ErrorCode.BAD_JSON);
    }
  }

  public static String requireString(JsonObject json, String field, int maxLength) {
    return optionalString(json, field, maxLength).orElseThrow(() -> invalid(field, "is required"));
  }

  /** A non-blank string of at most {@code maxLength} characters, or empty when absent or null. */
  public static Optional<String> optionalString(JsonObject json, String field, int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s) || s.isBlank() || s.length() > maxLength) {
      throw invalid(field, "must be a non-empty string of at most " + maxLength + " characters");
    }
    return Optional.of(s);
  }

  public static int requireInt(JsonObject json, String field, int min, int max) {
    return optionalInt(json, field, min, max).orElseThrow(() -> invalid(field, "is required"));
  }

  public static Optional<Integer> optionalInt(JsonObject json, String field, int min, int max) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
        || ((Number) value).longValue() > max) {
      throw invalid(field, "must be an integer from " + min + " to " + max);
    }
    return Optional.of(((Number) value).intValue());
  }

  public static Optional<Boolean> optionalBoolean(JsonObject json, String field) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof Boolean b)) {
      throw invalid(field, "must be true or false");
    }
    return Optional.of(b);
  }

  public static List<String> requireStringList(JsonObject json, String field, int maxItems, int maxLength) {
    return optionalStringList(json, field, maxItems, maxLength).orElseThrow(() -> invalid(field, "is required"));
  }

  /** An array of at most {@code maxItems} non-blank strings, or empty when absent or null. */
  public static Optional<List<String>> optionalStringList(JsonObject json, String field, int maxItems,
      int maxLength) {
    Object value = json.getValue(field);
    if (value == null) {
      return Optional.empty();
    }
    String rule = "must be an array of at most " + maxItems + " strings of at most " + maxLength + " characters";
    if (!(value instanceof JsonArray array) || array.size() > maxItems) {
      throw invalid(field, rule);
    }
    List<String> items = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof String s) || s.isBlank() || s.length() > maxLength) {
        throw invalid(field, rule);
      }
      items.add(s);
    }
    return Optional.of(List.copyOf(items));
  }

  /** An {@code INVALID_FIELD} failure whose detail names the field and the rule it broke. */
  public static ApiException invalid(String field, String rule) {
    return new ApiException(ErrorCode.INVALID_FIELD, field + " " + rule);
  }
}
