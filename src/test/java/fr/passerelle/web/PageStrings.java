package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The string catalogues of a staff page under {@code webroot/<page>/} ({@code i18n/<language>.json}, French first),
 * and the two checks every such page passes: every language has every key, with the same placeholders and no blank;
 * every key the page and its modules use exists.
 */
final class PageStrings {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
  private static final Pattern HTML_KEY = Pattern.compile("data-i18n=\"([^\"]+)\"");

  private final Path root;
  private final List<String> languages;

  PageStrings(String page, List<String> languages) {
    this.root = Path.of("src", "main", "resources", "webroot", page);
    this.languages = languages;
  }

  JsonObject strings(String language) {
    return new JsonObject(read(root.resolve("i18n").resolve(language + ".json")));
  }

  void assertEveryLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank() {
    JsonObject reference = strings(languages.get(0));
    for (String language : languages) {
      JsonObject strings = strings(language);
      assertThat(strings.fieldNames()).as(language).isEqualTo(reference.fieldNames());
      for (String key : reference.fieldNames()) {
        assertThat(strings.getString(key)).as(language + " " + key).isNotBlank();
        assertThat(placeholders(strings.getString(key))).as(language + " " + key)
            .isEqualTo(placeholders(reference.getString(key)));
      }
    }
  }

  /**
   * Every key in the page's {@code data-i18n} attributes, every quoted literal of its modules that matches {@code
   * jsLiteral} and starts like a key, and {@code alsoUsed} (keys the code builds from a prefix and a code) exists in
   * the first language.
   */
  void assertEveryKeyThePageAndItsModulesUseExists(Pattern jsLiteral, Collection<String> alsoUsed) {
    Set<String> keys = strings(languages.get(0)).fieldNames();
    Set<String> prefixes = new TreeSet<>();
    keys.forEach(key -> prefixes.add(key.substring(0, key.indexOf('.'))));
    Set<String> used = new TreeSet<>(matches(HTML_KEY, read(root.resolve("index.html"))));
    try (Stream<Path> modules = Files.list(root)) {
      modules.filter(path -> path.toString().endsWith(".js"))
          .forEach(path -> matches(jsLiteral, read(path)).stream()
              .filter(literal -> prefixes.contains(literal.substring(0, literal.indexOf('.'))))
              .forEach(used::add));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    used.addAll(alsoUsed);
    assertThat(used).as("keys found in the page and modules").hasSizeGreaterThan(60);
    assertThat(keys).containsAll(used);
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> placeholders(String text) {
    return new TreeSet<>(matches(PLACEHOLDER, text));
  }

  private static List<String> matches(Pattern pattern, String text) {
    return pattern.matcher(text).results().map(result -> result.group(1)).toList();
  }
}
