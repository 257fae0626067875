package fr.passerelle.web;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every string of the supervisor dashboard exists in every language, with the same placeholders. */
class SupervisorStringsTest {
  private static final PageStrings STRINGS = new PageStrings("supervisor", List.of("fr", "en"));
  // A quoted literal shaped like a key ("alert.noWorker"); only those whose first part is a key's first part count.
  private static final Pattern JS_LITERAL = Pattern.compile("[\"'`]([a-z]+(?:\\.[a-zA-Z0-9]+)+)[\"'`]");

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank() {
    STRINGS.assertEveryLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank();
  }

  @Test
  void everyKeyThePageAndItsModulesUseExists() {
    STRINGS.assertEveryKeyThePageAndItsModulesUseExists(JS_LITERAL, List.of());
  }
}
