package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureWorker;
import fr.passerelle.mailbox.MailboxStore;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The widget's letters on their own (docs/protocol.md 12.12): leaving a message from the queue shows the message code
 * once and a mailbox the server holds; a code that opens nothing says so and nothing more; the quick exit with a
 * mailbox open leaves no mailbox on the server and nothing in the browser; and every new state reads in French and
 * in a non-Latin script with no serious accessibility problem.
 */
class LettersWidgetBrowserTest extends OneWidgetWorldPerClass {
  private static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}";

  @AfterEach
  void deleteEveryMailbox() {
    for (var mailbox : await(mailboxes().list())) {
      await(mailboxes().delete(mailbox.id()));
    }
  }

  @Test
  void aCodeThatOpensNoMailboxSaysNoMessagesAndAResumeCodeStillWorksAsBefore() {
    JsonObject fr = WidgetLanguagesBrowserTest.catalogue("fr");
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("fr");
    enterCode(page, "7k2m q9xa-4hvd-Lrwe-8ntO");
    page.awaitText(fr.getString("resume.noMessages"));
    assertThat(page.phase()).isEqualTo("intro");
    assertThat(await(mailboxes().list())).isEmpty();

    enterCode(page, "not-a-code");
    page.awaitText(fr.getString("resume.invalid"));
  }

  @Test
  void theQuickExitWithAMailboxOpenDeletesItOnTheServer() {
    SecureWorker camille = world.worker("camille", "Camille");
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("fr");
    String code = leaveALetter(page, "Je ne peux pas attendre, je reviendrai.");
    assertThat(code).matches(CODE);
    page.until(() -> await(mailboxes().list()).size() == 1, "the mailbox on the server");

    page.click(".exit-button");

    page.until(() -> page.driver().getCurrentUrl().endsWith(WidgetWorld.NEUTRAL), "the neutral page");
    page.until(() -> await(mailboxes().list()).isEmpty(), "no mailbox left on the server");
    Object stored = page.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        indexedDB.databases().then((databases) => done(localStorage.length + sessionStorage.length
          + databases.length + document.cookie.length));
        """);
    assertThat(stored).isEqualTo(0L);
    await(camille.client().channel().close());
  }

  @ParameterizedTest
  @ValueSource(strings = {"fr", "zh", "ru"})
  void everyLetterStateReadsInTheLanguageWithoutASeriousAccessibilityProblem(String language) {
    JsonObject strings = WidgetLanguagesBrowserTest.catalogue(language);
    SecureWorker camille = world.worker("camille", "Camille");
    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage(language);
    page.start();
    page.awaitText(strings.getString("letter.leaveInstead"));
    page.click(".leave-message");
    page.awaitPhase("letter");
    page.awaitText(strings.getString("letter.title"));
    assertShown(page, language, "letter form");
    page.screenshot("letter-form-" + language);

    page.send("Message " + language);
    page.awaitPhase("letter-code");
    String code = page.textOf(".message-code");
    assertThat(code).matches(CODE);
    assertThat(page.text()).contains(WidgetPage.plain(strings.getString("code.writeDown")))
        .contains(WidgetPage.plain(strings.getString("code.lost")))
        .contains(WidgetPage.plain(strings.getString("code.kept").replace("{days}", "7")));
    assertShown(page, language, "message code");
    page.screenshot("letter-code-" + language);

    page.click(".code-noted");
    page.awaitPhase("mailbox");
    page.awaitText(strings.getString("mailbox.noAnswer"));
    assertThat(page.text()).as("the code is shown once").contains("Message " + language).doesNotContain(code);
    assertShown(page, language, "mailbox");
    page.screenshot("letter-mailbox-" + language);
    page.click(".delete-mailbox");
    page.awaitText(strings.getString("mailbox.deleteConfirm"));
    assertShown(page, language, "delete confirmation");
    page.click(".delete-yes");
    page.awaitPhase("mailbox-deleted");
    assertThat(await(mailboxes().list())).isEmpty();
    assertShown(page, language, "deleted");

    page.click(".main .primary");
    page.awaitPhase("intro");
    enterCode(page, "0000-0000-0000-0000-0000");
    page.awaitText(strings.getString("resume.noMessages"));
    assertShown(page, language, "no messages for this code");
    page.screenshot("letter-wrong-code-" + language);
    await(camille.client().channel().close());
  }

  /** Leaves a letter from the queue and answers the code the widget shows, with the thread open after it. */
  static String leaveALetter(WidgetPage page, String text) {
    page.start();
    page.click(".leave-message");
    page.awaitPhase("letter");
    page.send(text);
    page.awaitPhase("letter-code");
    String code = page.textOf(".message-code");
    page.click(".code-noted");
    page.awaitPhase("mailbox");
    return code;
  }

  static void enterCode(WidgetPage page, String code) {
    if (page.findAll(".resume-entry[open]").isEmpty()) {
      page.click(".resume-entry summary");
    }
    page.find("#pw-resume").clear();
    page.find("#pw-resume").sendKeys(code);
    page.click(".resume-entry button[type=submit]");
  }

  private static void assertShown(WidgetPage page, String language, String state) {
    String shown = (String) page.script("const root = document.querySelector('.passerelle-widget').shadowRoot;"
        + "return root.textContent;");
    for (String key : WidgetLanguagesBrowserTest.catalogue("fr").fieldNames()) {
      assertThat(shown).as(language + " " + state + ": raw key " + key).doesNotContain(key);
    }
    assertThat(shown).as(language + " " + state + ": a placeholder left").doesNotContainPattern("\\{[a-zA-Z]+\\}");
    page.assertAccessible(language + " " + state);
  }

  private static MailboxStore mailboxes() {
    return world.node().node().services().stores().mailboxes();
  }
}
