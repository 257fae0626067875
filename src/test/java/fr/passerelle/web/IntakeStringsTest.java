package fr.passerelle.web;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every string of the intake page exists in every language, with the same placeholders. */
class IntakeStringsTest {
  private static final PageStrings STRINGS = new PageStrings("intake", List.of("fr", "en"));
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

  @Test
  void everyLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank() {
    STRINGS.assertEveryLanguageHasEveryKeyWithTheSamePlaceholdersAndNoBlank();
  }

  @Test
  void everyKeyThePageAndItsModulesUseExists() {
    STRINGS.assertEveryKeyThePageAndItsModulesUseExists(JS_LITERAL, CODED);
  }
}
