package fr.passerelle.association;

import static fr.passerelle.http.JsonBody.invalid;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.X25519;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.http.ApiException;
import fr.passerelle.http.ErrorCode;
import fr.passerelle.http.JsonBody;
import fr.passerelle.service.OpeningHours;
import fr.passerelle.service.ServiceRoutes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The wire form of the directory (docs/api.md, "Associations"): validation of requests, rendering of answers. */
final class AssociationJson {
  static final int MAX_NAME = 100;
  static final int MAX_REFERENCE = 100;
  static final int MAX_LANGUAGES = 20;
  static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Paris");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  private static final String LANGUAGE_RULE = "must be lower-case language codes such as fr, ro or pt-br";

  private AssociationJson() {}

  /** The details of a creation request: every field required but {@code timeZone}, {@code hours} and {@code active}. */
  static AssociationDetails details(JsonObject json) {
    return new AssociationDetails(JsonBody.requireString(json, "name", MAX_NAME),
        JsonBody.requireString(json, "approvalReference", MAX_REFERENCE),
        departements(json).orElseThrow(() -> invalid("departements", "is required")),
        languages(json).orElseThrow(() -> invalid("languages", "is required")),
        channels(json).orElseThrow(() -> invalid("channels", "is required")),
        hours(json).orElse(new OpeningHours(DEFAULT_ZONE, List.of())),
        JsonBody.optionalBoolean(json, "active").orElse(true));
  }

  /** {@code old} with the fields a patch request gives; every given field is checked before anything changes. */
  static AssociationDetails patch(AssociationDetails old, JsonObject json) {
    return new AssociationDetails(JsonBody.optionalString(json, "name", MAX_NAME).orElse(old.name()),
        JsonBody.optionalString(json, "approvalReference", MAX_REFERENCE).orElse(old.approvalReference()),
        departements(json).orElse(old.departements()), languages(json).orElse(old.languages()),
        channels(json).orElse(old.channels()), hours(json).orElse(old.hours()),
        JsonBody.optionalBoolean(json, "active").orElse(old.active()));
  }

  /** A département code of a query or request, or {@code INVALID_FIELD} naming {@code field}. */
  static String departement(String field, String code) {
    if (code == null || !Departements.valid(code)) {
      throw invalid(field, "must be a département code: 01 to 95 (not 20), 2A, 2B or 971 to 976");
    }
    return code;
  }

  /** A language code of a query, or {@code INVALID_FIELD}. */
  static String language(String field, String code) {
    if (!LANGUAGE.matcher(code).matches() || code.length() > 20) {
      throw invalid(field, LANGUAGE_RULE);
    }
    return code;
  }

  /**
   * The public key of a key registration: 32 bytes of canonical unpadded base64url, a canonical X25519 point not of
   * low order; {@code BAD_KEY} naming the reason otherwise.
   */
  static byte[] publicKey(JsonObject json) {
    String text = JsonBody.requireString(json, "publicKey", 64);
    byte[] key = Base64Url.decode(text, X25519.KEY_LENGTH).orElseThrow(() -> new ApiException(ErrorCode.BAD_KEY,
        "publicKey must be 32 bytes in unpadded base64url (43 characters)"));
    try {
      X25519.requireValidPublicKey(key);
    } catch (CryptoException e) {
      throw new ApiException(ErrorCode.BAD_KEY, "publicKey is not a usable X25519 key: "
          + e.reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
    }
    return key;
  }

  /** What admins and the association's own intake officers see: everything, with the whole key history. */
  static JsonObject full(Association a) {
    return common(a).put("approvalReference", a.details().approvalReference())
        .put("active", a.details().active())
        .put("currentKey", a.currentKey().map(AssociationJson::key).orElse(null))
        .put("keys", new JsonArray(a.keys().stream().map(AssociationJson::key).toList()))
        .put("createdAt", a.createdAt().toString())
        .put("updatedAt", a.updatedAt().toString());
  }

  /** What a worker sees of a referable association: what to tell the person, and the key to seal to. */
  static JsonObject suggestion(Association a, Optional<String> language) {
    return common(a)
        .put("languageMatch", language.map(a.details().languages()::contains).orElse(false))
        .put("key", key(a.currentKey().orElseThrow()));
  }

  private static JsonObject common(Association a) {
    AssociationDetails d = a.details();
    return new JsonObject()
        .put("id", a.id())
        .put("name", d.name())
        .put("departements", sorted(d.departements()))
        .put("languages", sorted(d.languages()))
        .put("channels", new JsonArray(Arrays.stream(ContactChannel.values()).filter(d.channels()::contains)
            .map(ContactChannel::wire).toList()))
        .put("timeZone", d.hours().zone().getId())
        .put("hours", ServiceRoutes.hoursJson(d.hours()));
  }

  static JsonObject key(AssociationKey key) {
    AssociationKeyFingerprint fingerprint = key.fingerprint();
    JsonObject json = new JsonObject()
        .put("keyId", fingerprint.keyId())
        .put("publicKey", Base64Url.encode(key.publicKey()))
        .put("fingerprint", fingerprint.digits())
        .put("since", key.since().toString());
    key.until().ifPresent(until -> json.put("until", until.toString()));
    return json;
  }

  private static Optional<Set<String>> departements(JsonObject json) {
    Optional<List<String>> codes = JsonBody.optionalStringList(json, "departements", Departements.CODES.size(), 3);
    codes.ifPresent(list -> {
      if (list.isEmpty()) {
        throw invalid("departements", "must name at least one département");
      }
      list.forEach(code -> departement("departements", code));
    });
    return codes.map(Set::copyOf);
  }

  private static Optional<Set<String>> languages(JsonObject json) {
    Optional<List<String>> codes = JsonBody.optionalStringList(json, "languages", MAX_LANGUAGES, 20);
    codes.ifPresent(list -> {
      if (list.isEmpty()) {
        throw invalid("languages", "must name at least one language");
      }
      list.forEach(code -> language("languages", code));
    });
    return codes.map(Set::copyOf);
  }

  private static Optional<Set<ContactChannel>> channels(JsonObject json) {
    Optional<List<String>> codes = JsonBody.optionalStringList(json, "channels", ContactChannel.values().length, 20);
    return codes.map(list -> {
      if (list.isEmpty()) {
        throw invalid("channels", "must name at least one channel");
      }
      return Set.copyOf(list.stream().map(code -> ContactChannel.fromWire(code).orElseThrow(() -> invalid("channels",
          "must be among phone-call, sms, whatsapp, signal, email, in-person"))).toList());
    });
  }

  /** Opening hours when the request gives them: {@code timeZone} and {@code hours} come together. */
  private static Optional<OpeningHours> hours(JsonObject json) {
    boolean zone = json.getValue("timeZone") != null;
    boolean slots = json.getValue("hours") != null;
    if (zone != slots) {
      throw invalid(zone ? "hours" : "timeZone", "must be given with " + (zone ? "timeZone" : "hours"));
    }
    return zone ? Optional.of(ServiceRoutes.parse(json)) : Optional.empty();
  }

  private static JsonArray sorted(Set<String> values) {
    return new JsonArray(List.copyOf(new TreeSet<>(values)));
  }
}
