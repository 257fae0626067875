package fr.passerelle.widget;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every language the widget offers has a file, and every file says everything French says, with the same blanks. */
class WidgetTranslationsTest {
  private static final Path WIDGET = Path.of("src/main/resources/webroot/widget");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

  @Test
  void theLanguageMenuAndTheTranslationFilesAreTheSameNine() throws IOException {
    Matcher list = Pattern.compile("LANGUAGES = Object.freeze\\(\\[([^]]*)\\]\\)")
        .matcher(Files.readString(WIDGET.resolve("i18n.js")));
    assertThat(list.find()).isTrue();
    Set<String> menu = Pattern.compile("'([^']+)'").matcher(list.group(1)).results().map(r -> r.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(menu).containsExactlyInAnyOrder("fr", "en", "ro", "bg", "zh", "es", "pt-BR", "ru", "sq");
    try (Stream<Path> files = Files.list(WIDGET.resolve("i18n"))) {
      assertThat(files.map(p -> p.getFileName().toString().replace(".json", "")))
          .containsExactlyInAnyOrderElementsOf(menu);
    }
  }

  @Test
  void everyFileHasTheKeysOfTheFrenchOneWithTheSamePlaceholdersAndNoEmptyText() throws IOException {
    JsonObject french = read("fr");
    try (Stream<Path> files = Files.list(WIDGET.resolve("i18n"))) {
      for (Path file : files.toList()) {
        JsonObject strings = new JsonObject(Files.readString(file));
        String language = file.getFileName().toString();
        assertThat(strings.fieldNames()).as(language).containsExactlyInAnyOrderElementsOf(french.fieldNames());
        for (String key : french.fieldNames()) {
          String text = strings.getString(key);
          assertThat(text).as(language + " " + key).isNotBlank().isEqualTo(text.strip());
          assertThat(placeholders(text)).as(language + " " + key).isEqualTo(placeholders(french.getString(key)));
        }
      }
    }
  }

  @Test
  void everyKeyTheCodeAsksForExistsInFrench() throws IOException {
    JsonObject french = read("fr");
    List<String> missing = new ArrayList<>();
    try (Stream<Path> sources = Files.list(WIDGET)) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".js")).toList()) {
        // Every quoted "section.name" in the code is a key; keys built at run time are checked in the browser.
        Matcher keys = Pattern.compile("'([a-z]+(?:\\.[a-zA-Z-]+)+)'").matcher(Files.readString(source));
        keys.results().map(r -> r.group(1)).filter(k -> !french.containsKey(k))
            .forEach(k -> missing.add(source.getFileName() + ": " + k));
      }
    }
    assertThat(missing).isEmpty();
  }

  private static Set<String> placeholders(String text) {
    return PLACEHOLDER.matcher(text).results().map(r -> r.group(1)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static JsonObject read(String language) throws IOException {
    return new JsonObject(Files.readString(WIDGET.resolve("i18n").resolve(language + ".json")));
  }
}
