package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditAction;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's words: French and English hold the same keys with the same placeholders, nothing empty, and every key
 * the pages and modules use, written out or built from a known family, is there.
 */
class ConsoleStringsTest {
  private static final Path CONSOLE = Path.of("src", "main", "resources", "webroot", "console");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");
  private static final Pattern JS_LITERAL = Pattern.compile("'([a-z][a-zA-Z]*(?:\\.[a-zA-Z0-9-]+)+)'");
  /** Keys the code builds from a value: each family with every value it can take. */
  private static final List<String> BUILT = Stream.of(
      expand("app.languageName.", "fr", "en"),
      expand("auth.error.", "auth_failed", "account_locked", "account_disabled", "rate_limited", "network", "other"),
      expand("role.", "worker", "supervisor", "intake", "admin"),
      expand("flag.", "possible-minor", "danger"),
      expand("flag.possible-minor.", "action", "confirmTitle", "confirmText"),
      expand("flag.danger.", "action", "confirmTitle", "confirmText"),
      expand("guidance.possible-minor.", "title", "1", "2", "3", "4", "5"),
      expand("guidance.danger.", "title", "1", "2", "3", "4", "5"),
      expand("chat.state.", "securing", "waiting-key", "open", "other-tab", "keys-lost", "ended", "left", "transferred"),
      expand("chat.status.", "sending", "stored", "failed"),
      expand("chat.from.", "visitor", "me", "system"),
      expand("chat.transferred.", "worker", "queue"),
      expand("transfer.why.", "away", "full", "skills"),
      expand("notify.", "visitor", "offer", "message", "letter"),
      expand("connection.", "online", "offline"),
      expand("presence.", "available", "away"),
      expand("admin.staff.column.", "username", "pseudonym", "role", "languages", "skills", "capacity", "enabled",
          "actions"),
      expand("admin.certificates.column.", "worker", "requested", "keys", "actions"),
      expand("admin.certificates.error.", "invalid", "damaged", "passphrase", "otherOrganisation", "sign"),
      expand("admin.associations.column.", "name", "departements", "languages", "channels", "key", "active",
          "actions"),
      expand("admin.associations.channel.", "phone-call", "sms", "whatsapp", "signal", "email", "in-person"),
      expand("day.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
      expand("language.", "fr", "en", "ro", "bg", "zh", "es", "pt-br", "ru", "sq"),
      // Every action the server records has its words: a feature adding an AuditAction adds them too.
      Stream.of(AuditAction.values()).map(a -> "admin.audit.action." + a.wire()).toList())
      .flatMap(List::stream).toList();

  private static List<String> expand(String prefix, String... values) {
    return Stream.of(values).map(v -> prefix + v).toList();
  }

  private static JsonObject strings(String language) throws IOException {
    return new JsonObject(Files.readString(CONSOLE.resolve("i18n").resolve(language + ".json")));
  }

  @Test
  void frenchAndEnglishHaveTheSameKeysAndPlaceholdersAndNoEmptyString() throws IOException {
    JsonObject fr = strings("fr");
    JsonObject en = strings("en");
    assertThat(en.fieldNames()).isEqualTo(fr.fieldNames());
    for (String key : fr.fieldNames()) {
      assertThat(fr.getString(key)).as(key).isNotBlank();
      assertThat(en.getString(key)).as(key).isNotBlank();
      assertThat(placeholders(en.getString(key))).as(key).isEqualTo(placeholders(fr.getString(key)));
    }
  }

  @Test
  void everyKeyThePagesAndModulesUseExistsInBothLanguages() throws IOException {
    Set<String> used = new TreeSet<>(BUILT);
    Set<String> namespaces = strings("fr").fieldNames().stream().map(k -> k.substring(0, k.indexOf('.')))
        .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(CONSOLE)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(file);
        Matcher m = (file.toString().endsWith(".html") ? HTML_KEY : JS_LITERAL).matcher(text);
        while (m.find()) {
          String key = m.group(1);
          if (namespaces.contains(key.substring(0, key.indexOf('.')))) {
            used.add(key);
          }
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(200);
    for (String language : List.of("fr", "en")) {
      assertThat(strings(language).fieldNames()).as(language).containsAll(used);
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
