package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureWorker;
import fr.passerelle.client.Transport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every language in every state: the closed service, the queue, the conversation. Nothing shows a raw key or an
 * unfilled placeholder, and axe-core finds no serious or critical violation on the page.
 */
class WidgetLanguagesBrowserTest extends OneWidgetWorldPerClass {
  static final List<String> LANGUAGES = List.of("fr", "en", "ro", "bg", "zh", "es", "pt-BR", "ru", "sq");
  static final Path I18N = Path.of("src/main/resources/webroot/widget/i18n");
  @Test
  void outsideOpeningHoursEveryLanguageSaysWhenTheTeamIsBackAndOffersToLeaveAMessage() {
    setHours(new JsonArray().add(new JsonObject().put("day", "monday").put("from", "00:00").put("to", "00:01")));
    try {
      for (String language : LANGUAGES) {
        JsonObject strings = catalogue(language);
        WidgetPage page = world.page.open(world.demoUrl());
        page.selectLanguage(language);
        page.awaitText(strings.getString("status.closed"));
        assertShown(page, language, "closed");
        page.screenshot("closed-" + language);
        page.start();
        page.awaitText(strings.getString("queue.leaveMessage"));
        assertThat(page.text()).contains(WidgetPage.plain(strings.getString("status.closed")));
        assertShown(page, language, "queue while closed");
        page.screenshot("queue-closed-" + language);
        page.click(".actions .secondary");
        page.awaitPhase("ended");
      }
    } finally {
      setHours(new JsonArray().add(new JsonObject().put("day", "monday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "tuesday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "wednesday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "thursday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "friday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "saturday").put("from", "00:00").put("to", "24:00"))
          .add(new JsonObject().put("day", "sunday").put("from", "00:00").put("to", "24:00")));
    }
  }

  @Test
  void everyLanguageShowsTheQueueAndAVerifiedConversation() {
    for (String language : LANGUAGES) {
      JsonObject strings = catalogue(language);
      WidgetPage page = world.page.open(world.demoUrl());
      page.selectLanguage(language);
      assertShown(page, language, "start");
      page.screenshot("intro-" + language);
      page.start();
      page.awaitText(strings.getString("queue.position").replace("{position}", "1"));
      assertShown(page, language, "queue");
      page.screenshot("queue-" + language);

      SecureWorker camille = world.worker("camille", "Camille");
      await(camille.client().available());
      String conversation = await(camille.accept(WidgetWorld.waitingEntry(camille), "Bonjour."));
      page.awaitWorkerMessage("Bonjour.");
      page.send("Hello " + language);
      assertThat(await(camille.nextMessage()).text()).isEqualTo("Hello " + language);
      page.until(() -> "stored".equals(page.stateOf("Hello " + language)), "the message sent");
      page.click(".safety .link");
      page.until(() -> !page.textOf(".safety-code").isEmpty(), "the safety code");
      page.click(".resume summary");
      String with = strings.getString("chat.with").replace("{pseudonym}", "Camille");
      assertThat(page.text()).contains(WidgetPage.plain(with))
          .contains(WidgetPage.plain(strings.getString("message.stored")));
      assertShown(page, language, "conversation");
      page.screenshot("chat-" + language);
      await(camille.client().end(conversation));
      page.awaitPhase("ended");
      assertShown(page, language, "ended");
      await(camille.client().channel().close());
    }
  }

  /** No raw key, no unfilled placeholder, and axe-core content, in this state. */
  private static void assertShown(WidgetPage page, String language, String state) {
    String shown = (String) page.script("const root = document.querySelector('.passerelle-widget').shadowRoot;"
        + "return root.textContent + ' ' + [...root.querySelectorAll('[aria-label]')]"
        + ".map((e) => e.getAttribute('aria-label')).join(' ');");
    for (String key : catalogue("fr").fieldNames()) {
      assertThat(shown).as(language + " " + state + ": raw key " + key).doesNotContain(key);
    }
    assertThat(shown).as(language + " " + state + ": a placeholder left").doesNotContainPattern("\\{[a-zA-Z]+\\}");
    assertThat(shown).contains(catalogue(language).getString("exit.button"));
    page.assertAccessible(language + " " + state);
  }

  static JsonObject catalogue(String language) {
    try {
      return new JsonObject(Files.readString(I18N.resolve(language + ".json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void setHours(JsonArray hours) {
    Transport transport = world.node().transport();
    Transport.Response response = await(transport.request("PUT", "/api/v1/service/hours",
        Optional.of(world.node().token("admin")),
        Optional.of(new JsonObject().put("timeZone", "Europe/Paris").put("hours", hours).encode())));
    assertThat(response.status()).isEqualTo(200);
  }
}
