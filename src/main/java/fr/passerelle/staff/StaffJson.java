package fr.passerelle.staff;

import static fr.passerelle.http.JsonBody.invalid;

import fr.passerelle.http.JsonBody;
import fr.passerelle.queue.Flag;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** The wire form of staff accounts: validation of admin requests, and rendering without the password hash. */
final class StaffJson {
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
  static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
  static final int MIN_PASSWORD = 12;
  static final int MAX_PASSWORD = 256;
  static final int MAX_CAPACITY = 20;
  static final int MAX_ASSOCIATION_ID = 100;

  private StaffJson() {}

  static JsonObject account(StaffAccount a) {
    JsonObject json = new JsonObject()
        .put("id", a.id())
        .put("username", a.username())
        .put("pseudonym", a.pseudonym())
        .put("role", a.role().wire())
        .put("languages", sorted(a.languages()))
        .put("skills", sorted(a.skills()))
        .put("capacity", a.capacity())
        .put("enabled", a.enabled())
        .put("createdAt", a.createdAt().toString());
    a.association().ifPresent(association -> json.put("association", association));
    return json;
  }

  static NewStaff newStaff(JsonObject json) {
    String username = JsonBody.requireString(json, "username", 64);
    if (!USERNAME.matcher(username).matches()) {
      throw invalid("username", "must be 3 to 64 letters, digits or . _ @ -");
    }
    String role = JsonBody.requireString(json, "role", 20);
    Role parsed = Role.fromWire(role)
        .orElseThrow(() -> invalid("role", "must be one of worker, supervisor, intake, admin"));
    Optional<String> association = JsonBody.optionalString(json, "association", MAX_ASSOCIATION_ID);
    if (association.isPresent() && parsed != Role.INTAKE) {
      throw invalid("association", "may only link an intake account");
    }
    return new NewStaff(username, JsonBody.requireString(json, "pseudonym", 40), parsed,
        password(json).orElseThrow(() -> invalid("password", "is required")),
        languages(json).orElse(Set.of()), skills(json).orElse(Set.of()),
        JsonBody.requireInt(json, "capacity", 1, MAX_CAPACITY), association);
  }

  static AccountPatch patch(JsonObject json) {
    return new AccountPatch(JsonBody.optionalString(json, "pseudonym", 40), languages(json), skills(json),
        JsonBody.optionalInt(json, "capacity", 1, MAX_CAPACITY), JsonBody.optionalBoolean(json, "enabled"),
        password(json), association(json));
  }

  /** A link to set (an id), to remove (JSON {@code null}), or to leave (absent). */
  private static Optional<Optional<String>> association(JsonObject json) {
    if (!json.containsKey("association")) {
      return Optional.empty();
    }
    return Optional.of(JsonBody.optionalString(json, "association", MAX_ASSOCIATION_ID));
  }

  private static Optional<char[]> password(JsonObject json) {
    Optional<String> password = JsonBody.optionalString(json, "password", MAX_PASSWORD);
    if (password.isPresent() && password.get().length() < MIN_PASSWORD) {
      throw invalid("password", "must have at least " + MIN_PASSWORD + " characters");
    }
    return password.map(String::toCharArray);
  }

  private static Optional<Set<String>> languages(JsonObject json) {
    Optional<List<String>> codes = JsonBody.optionalStringList(json, "languages", 20, 20);
    codes.ifPresent(list -> list.stream().filter(code -> !LANGUAGE.matcher(code).matches()).findFirst()
        .ifPresent(bad -> {
          throw invalid("languages", "must be lower-case language codes such as fr, en or pt-br");
        }));
    return codes.map(Set::copyOf);
  }

  private static Optional<Set<String>> skills(JsonObject json) {
    Optional<List<String>> skills = JsonBody.optionalStringList(json, "skills", Flag.values().length, 40);
    skills.ifPresent(list -> list.stream().filter(s -> Flag.fromWire(s).isEmpty()).findFirst().ifPresent(bad -> {
      throw invalid("skills", "must be among possible-minor, danger");
    }));
    return skills.map(Set::copyOf);
  }

  private static JsonArray sorted(Collection<String> values) {
    return new JsonArray(List.copyOf(new TreeSet<>(values)));
  }
}
