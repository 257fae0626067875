package fr.passerelle.protocol;

import static fr.passerelle.http.JsonBody.invalid;
import static fr.passerelle.http.JsonBody.optionalString;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The protocol's own field rules (identifiers, opaque base64, sequence numbers, languages), on top of the
 * general typed reads of {@link fr.passerelle.http.JsonBody}; each failure is an {@code invalid_field} naming
 * the field.
 */
public final class Fields {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/_-]*={0,2}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final int MAX_LANGUAGES = 5;

  private Fields() {}

  /** A client-chosen or server-issued identifier: 1 to 64 URL-safe characters. */
  public static String id(JsonObject json, String name) {
    return optionalId(json, name).orElseThrow(() -> invalid(name, "is required"));
  }

  public static Optional<String> optionalId(JsonObject json, String name) {
    Optional<String> value = optionalString(json, name, 64);
    if (value.isPresent() && !ID.matcher(value.get()).matches()) {
      throw invalid(name, "must be 1 to 64 characters among A-Z a-z 0-9 _ -");
    }
    return value;
  }

  /** Opaque bytes as base64 (standard or URL-safe alphabet); {@code allowEmpty} for optional headers. */
  public static String base64(JsonObject json, String name, int maxLength, boolean allowEmpty) {
    Object value = json.getValue(name);
    if (value == null && allowEmpty) {
      return "";
    }
    if (!(value instanceof String s) || s.length() > maxLength || (s.isEmpty() && !allowEmpty)
        || !BASE64.matcher(s).matches()) {
      throw invalid(name, "must be base64 text of at most " + maxLength + " characters");
    }
    return s;
  }

  /** A sequence number; absent means 0. */
  public static long nonNegativeLong(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Number n) || n.doubleValue() != n.longValue() || n.longValue() < 0) {
      throw invalid(name, "must be a non-negative integer");
    }
    return n.longValue();
  }

  /** One to five lower-case language tags such as {@code fr}, {@code en}, {@code pt-br}; duplicates dropped. */
  public static List<String> languages(JsonObject json, String name) {
    Object value = json.getValue(name);
    if (!(value instanceof JsonArray array) || array.isEmpty() || array.size() > MAX_LANGUAGES) {
      throw invalid(name, "must be a list of 1 to " + MAX_LANGUAGES + " language codes");
    }
    List<String> languages = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String s) || !LANGUAGE.matcher(s).matches()) {
        throw invalid(name, "must contain language codes such as \"fr\" or \"pt-br\"");
      }
      if (!languages.contains(s)) {
        languages.add(s);
      }
    }
    return List.copyOf(languages);
  }
}
