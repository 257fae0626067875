package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string of the intake page exists in every language, with the same placeholders. */
class IntakeStringsTest {
  private static final Path ROOT = Path.of("src", "main", "resources", "webroot", "intake");
  private static final List<String> LANGUAGES = List.of("fr", "en");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
  // A quoted literal shaped like a key ("open.noKey"); only those whose first part is a key's first part count.
  private static final Pattern JS_LITERAL = Pattern.compile("[\"'`]([a-z]+(?:\\.[a-zA-Z0-9-]+)+)[\"'`]");
  // Keys made of a prefix and a code: every code of the form (docs/protocol.md 12.8) must have its words.
  private static final List<String> CODED = List.of("age.under-18", "age.18-25", "age.26-35", "age.36-50",
      "age.over-50", "age.unknown", "need.shelter", "need.health", "need.legal-administrative",
      "need.residence-permit", "need.financial", "need.language-classes", "need.employment", "need.safety",
      "channel.phone-call", "channel.sms", "channel.whatsapp", "channel.signal", "channel.email", "channel.in-person",
      "status.sent", "status.received", "status.accepted", "status.declined", "status.expired",
      "status.done.received", "status.done.accepted", "status.done.declined", "key.error.invalid",
      "key.error.passphrase", "key.error.damaged", "login.error.auth_failed", "login.error.account_locked",
      "login.error.rate_limited", "login.error.other");

  private static JsonObject strings(String language) {
    return new JsonObject(read(ROOT.resolve("i18n").resolve(language + ".json")));
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank() {
    JsonObject reference = strings(LANGUAGES.get(0));
    for (String language : LANGUAGES) {
      JsonObject strings = strings(language);
      assertThat(strings.fieldNames()).as(language).isEqualTo(reference.fieldNames());
      for (String key : reference.fieldNames()) {
        assertThat(strings.getString(key)).as(language + " " + key).isNotBlank();
        assertThat(placeholders(strings.getString(key))).as(language + " " + key)
            .isEqualTo(placeholders(reference.getString(key)));
      }
    }
  }

  @Test
  void everyKeyThePageAndItsModulesUseExists() throws IOException {
    Set<String> keys = strings("fr").fieldNames();
    Set<String> prefixes = new TreeSet<>();
    keys.forEach(key -> prefixes.add(key.substring(0, key.indexOf('.'))));
    Set<String> used = new TreeSet<>(matches(HTML_KEY, read(ROOT.resolve("index.html"))));
    try (Stream<Path> modules = Files.list(ROOT)) {
      modules.filter(path -> path.toString().endsWith(".js"))
          .forEach(path -> matches(JS_LITERAL, read(path)).stream()
              .filter(literal -> prefixes.contains(literal.substring(0, literal.indexOf('.'))))
              .forEach(used::add));
    }
    used.addAll(CODED);
    assertThat(used).as("keys found in the page and modules").hasSizeGreaterThan(60);
    assertThat(keys).containsAll(used);
  }

  private static Set<String> placeholders(String text) {
    return new TreeSet<>(matches(PLACEHOLDER, text));
  }

  private static List<String> matches(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    return matcher.results().map(result -> result.group(1)).toList();
  }
}
