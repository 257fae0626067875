package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureVisitor;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A worker's console and Java visitors that encrypt, through a running node: the queue with its metadata, accept,
 * messages both ways, two chats side by side with unread counts, canned replies, flags with their guidance, a
 * message that cannot be read, the end. No message text ever reaches the tab title or a notification.
 */
class ConsoleChatBrowserTest {
  private final List<String> plaintexts = new ArrayList<>();
  private ConsoleFixture fixture;
  private TestNode node;
  private ConsolePage page;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
    node = fixture.node();
    page = fixture.open();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private void write(String chat, String text) {
    plaintexts.add(text);
    WebElement box = page.waitFor(chat + " textarea");
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
  }

  private void visitorWrites(SecureVisitor visitor, String text) {
    plaintexts.add(text);
    await(visitor.send(text));
  }

  private void shows(String chat, String text) {
    page.waitUntil("shown: " + text, () -> page.all(chat + " .message.from-visitor .text").stream()
        .anyMatch(e -> e.getText().equals(text)));
  }

  private String accept(int n) {
    page.waitUntil("an entry to take", () -> page.all("#queue-list li.entry button.accept").stream()
        .anyMatch(WebElement::isEnabled));
    page.all("#queue-list li.entry button.accept").stream().filter(WebElement::isEnabled).findFirst().orElseThrow()
        .click();
    page.waitUntil("conversation " + n + " is secured", () -> page.text(chat(n) + " .chat-state")
        .equals("Chiffrée de bout en bout"));
    return chat(n);
  }

  @Test
  void aWorkerTakesTwoVisitorsAndTalksWithEachEncryptedWithoutAnyTextInTitlesOrNotifications() {
    ConsoleWorkers.available(page, "camille");
    page.setHidden(true);
    SecureVisitor first = ConsoleWorkers.visitor(node, "fr");

    page.waitFor("#queue-list li.entry");
    String entry = page.text("#queue-list li.entry");
    assertThat(entry).contains("français").contains("Attend depuis").contains("Langue commune");
    // In "both" mode the visitor is listed and offered: counted once, in the title.
    page.waitUntil("the title counts the new visitor", () -> page.driver().getTitle().startsWith("(1) "));
    page.waitUntil("a notification without content", () -> !page.notifications().isEmpty());
    assertThat(page.notifications()).isSubsetOf("Passerelle — console | Quelqu'un attend.",
        "Passerelle — console | Une conversation vous est proposée.");
    page.setHidden(false);
    page.screenshot("queue");

    String one = accept(1);
    Received hello = await(first.nextMessage());
    assertThat(hello.type()).isEqualTo("hello");
    assertThat(first.worker().orElseThrow().pseudonym()).isEqualTo("Camille");
    page.click(one + " .safety-button");
    assertThat(page.waitFor(one + " .safety-code").getText()).contains(first.safetyCode().orElseThrow());

    write(one, "Bonjour, je m'appelle Camille. Vous pouvez écrire dans votre langue.");
    assertThat(await(first.nextMessage()).text())
        .isEqualTo("Bonjour, je m'appelle Camille. Vous pouvez écrire dans votre langue.");
    page.waitUntil("marked sent", () -> page.text(one + " .message.from-worker .status").contains("envoyé"));
    visitorWrites(first, "Bonjour. J'ai besoin d'aide, je suis à Lyon depuis deux semaines.");
    shows(one, "Bonjour. J'ai besoin d'aide, je suis à Lyon depuis deux semaines.");

    SecureVisitor second = ConsoleWorkers.visitor(node, "en");
    String two = accept(2);
    assertThat(await(second.nextMessage()).type()).isEqualTo("hello");
    assertThat(page.text(two + " .chat-meta")).contains("anglais");

    // The worker writes to the second person while the first one writes: the first tab counts it as unread.
    page.waitFor(two + " textarea").click();
    visitorWrites(first, "Il y a quelqu'un qui surveille mon téléphone.");
    page.waitUntil("one unread in the first tab", () -> page.text("#chat-tabs li:nth-of-type(1) .unread").equals("1"));
    assertThat(page.all("#chat-tabs li:nth-of-type(2) .unread").get(0).isDisplayed()).isFalse();
    page.waitUntil("the title counts it", () -> page.driver().getTitle().equals("(1) Passerelle — console"));

    // Canned replies in the person's language come first; one is inserted, adapted, and sent.
    Select canned = new Select(page.waitFor(two + " select"));
    WebElement firstGroup = page.waitFor(two + " select optgroup");
    assertThat(firstGroup.getAttribute("label")).isEqualTo("anglais");
    String replyId = firstGroup.findElement(By.tagName("option")).getAttribute("value");
    String replyText = cannedText(replyId);
    canned.selectByValue(replyId);
    page.click(two + " .insert-button");
    assertThat(page.waitFor(two + " textarea").getAttribute("value")).isEqualTo(replyText);
    plaintexts.add(replyText);
    page.waitFor(two + " textarea").sendKeys(Keys.ENTER);
    assertThat(await(second.nextMessage()).text()).isEqualTo(replyText);
    page.screenshot("two-chats");
    page.assertAccessible("two chats side by side");

    page.click("#chat-tabs li:nth-of-type(1) button");
    page.waitUntil("read", () -> !page.all("#chat-tabs li:nth-of-type(1) .unread").get(0).isDisplayed());
    shows(one, "Il y a quelqu'un qui surveille mon téléphone.");

    // A message that does not open is shown as such, and the next one still opens.
    await(first.client().send("garbage-1", "AQI" + "A".repeat(53), "A".repeat(363)));
    page.waitUntil("unreadable shown", () -> page.text(one + " .message .unreadable")
        .equals("Un message n'a pas pu être lu."));
    visitorWrites(first, "Vous êtes toujours là ?");
    shows(one, "Vous êtes toujours là ?");

    // Visitors leave and conversations end; the panels say so.
    await(second.client().leave());
    page.waitUntil("second left", () -> page.text(two + " .chat-state").equals("La personne est partie"));
    page.click(one + " .end-button");
    page.click("#confirm-ok");
    assertThat(await(first.client().channel().next("ended")).getString("by")).isEqualTo("worker");
    page.waitUntil("first ended", () -> page.text(one + " .chat-state").equals("Conversation terminée"));
    page.click(two + " .close-button");
    page.waitUntil("closed", () -> page.all("#chat-grid .chat").size() == 1);

    for (String text : plaintexts) {
      assertThat(page.titles()).noneMatch(title -> title.contains(text));
      assertThat(page.notifications()).noneMatch(n -> n.contains(text));
      assertThat(String.join(" ", page.titles())).doesNotContain("Lyon").doesNotContain("téléphone");
    }
    assertThat(page.titles()).allMatch(t -> t.matches("(\\(\\d+\\) )?Passerelle — console"));
  }

  private String cannedText(String id) {
    JsonObject all = await(node.transport().request("GET", "/api/v1/canned-replies",
        Optional.of(node.token("admin")), Optional.empty())).body();
    return all.getJsonArray("replies").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals(id)).findFirst().orElseThrow().getString("text");
  }

  @Test
  void flagsShowTheirGuidanceAndRaiseThePriority() {
    ConsoleWorkers.available(page, "camille");
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");
    String one = accept(1);
    await(visitor.nextMessage());

    page.click(one + " .flag-button.flag-possible-minor");
    page.waitFor("#confirm-dialog");
    page.assertAccessible("flag confirmation");
    page.click("#confirm-ok");
    String minor = page.waitFor(one + " .guidance-possible-minor").getText();
    assertThat(minor).contains("119").contains("CRIP").contains("17");
    assertThat(page.text(one + " .chat-flags")).contains("Mineur·e possible");

    page.click(one + " .flag-button.flag-danger");
    page.click("#confirm-ok");
    String danger = page.waitFor(one + " .guidance-danger").getText();
    assertThat(danger).contains("17").contains("112").contains("114");
    page.waitUntil("the tab shows the priority", () -> "2".equals(page.waitFor("#chat-tabs li")
        .getAttribute("data-priority")));
    assertThat(page.waitFor(one + " .flag-button.flag-danger").isEnabled()).as("a flag stays").isFalse();
    page.screenshot("flags-guidance");
    page.assertAccessible("flag guidance");

    page.driver().findElement(By.cssSelector("#language-select option[value='en']")).click();
    page.waitUntil("guidance in English", () -> page.text(one + " .guidance-danger summary").equals("Danger: safety first"));
    assertThat(page.text(one + " .guidance-possible-minor")).contains("119").contains("CRIP");
  }

  @Test
  void aDroppedConnectionComesBackWithoutLosingOrRepeatingAMessage() {
    ConsoleWorkers.available(page, "camille");
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");
    String one = accept(1);
    await(visitor.nextMessage());

    page.dropSocket();
    write(one, "Écrit pendant la coupure.");
    visitorWrites(visitor, "Vous êtes là ?");
    page.waitUntil("reconnected", () -> "true".equals(page.waitFor("#connection").getAttribute("data-online"))
        && page.all("#chat-grid .chat").size() == 1);
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Écrit pendant la coupure.");
    shows(one, "Vous êtes là ?");
    page.waitUntil("available again as chosen", () -> page.text("#presence-toggle").equals("Disponible"));
    page.waitUntil("stored once back", () -> page.text(one + " .message.from-worker .status").contains("envoyé"));

    // Dropped again: what the server delivers again is recognised and not shown twice.
    page.dropSocket();
    page.waitUntil("reconnected again", () -> (Long) page.script("return window.__sockets.length") >= 3
        && "true".equals(page.waitFor("#connection").getAttribute("data-online")));
    visitorWrites(visitor, "Oui, merci.");
    shows(one, "Oui, merci.");
    assertThat(page.all(one + " .message.from-visitor .text").stream().map(WebElement::getText))
        .containsExactly("Vous êtes là ?", "Oui, merci.");
    write(one, "Je reste avec vous.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Je reste avec vous.");
    assertThat(page.text(one + " .chat-state")).isEqualTo("Chiffrée de bout en bout");
  }

  @Test
  void withoutItsSavedStateAConversationIsSentBackToTheQueueAndTakenAgainWithNewKeys() {
    ConsoleWorkers.available(page, "camille");
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");
    String one = accept(1);
    await(visitor.nextMessage());

    // This browser's data is cleared meanwhile (or the conversation was taken on another device): no keys here.
    page.reload();
    page.asyncScript("const done = arguments[0]; const r = indexedDB.deleteDatabase('passerelle-console-state');"
        + " r.onsuccess = () => done(true); r.onerror = () => done(false); r.onblocked = () => done(false);");
    page.login("camille", TestNode.PASSWORD);
    page.waitUntil("keys lost", () -> page.text(one + " .chat-state").startsWith("Les clés de cette conversation"));
    assertThat(page.waitFor(one + " textarea").isEnabled()).isFalse();
    page.assertAccessible("conversation whose keys are lost");
    page.click(one + " .transfer-button");
    page.click("#transfer-queue");
    page.click("#transfer-submit");
    page.waitUntil("sent back", () -> page.text(one + " .chat-state").equals("Conversation transférée"));

    page.click("#presence-toggle");
    page.waitUntil("available", () -> page.text("#presence-toggle").equals("Disponible"));
    String two = accept(2);
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    write(two, "Nous revoilà, en sécurité.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Nous revoilà, en sécurité.");
  }

  @Test
  void aSecondTabOfTheSameWorkerSaysTheConversationIsOpenElsewhereAndCanTakeItOver() {
    ConsoleWorkers.available(page, "camille");
    String first = page.driver().getWindowHandle();
    page.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
    page.driver().get(fixture.origin() + "/console/");
    page.waitUntil("loaded", () -> !page.text("#login-heading").isEmpty());
    page.login("camille", TestNode.PASSWORD);
    page.waitUntil("warned", () -> page.text("#alert-banner").contains("autre onglet"));
    String second = page.driver().getWindowHandle();

    page.driver().switchTo().window(first);
    page.waitUntil("the first tab is warned too", () -> page.text("#alert-banner").contains("autre onglet"));
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");
    String one = accept(1);
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    visitorWrites(visitor, "Message lu dans le premier onglet.");
    shows(one, "Message lu dans le premier onglet.");

    // The second tab follows the conversation, says where it is open, and never reads or answers for the first.
    page.driver().switchTo().window(second);
    page.waitUntil("open in the other tab", () -> page.text(one + " .chat-state")
        .startsWith("Cette conversation est ouverte dans un autre onglet de cette console"));
    assertThat(page.waitFor(one + " textarea").isEnabled()).isFalse();
    assertThat(page.all(one + " .message.from-visitor")).isEmpty();
    page.screenshot("other-tab");
    page.assertAccessible("conversation open in another tab");

    // It takes the conversation over: same keys, what the visitor writes now shows here, and it answers.
    page.click(one + " .take-over-button");
    page.waitUntil("secured here", () -> page.text(one + " .chat-state").equals("Chiffrée de bout en bout"));
    visitorWrites(visitor, "Et maintenant ?");
    shows(one, "Et maintenant ?");
    write(one, "Je vous réponds depuis le deuxième onglet.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Je vous réponds depuis le deuxième onglet.");

    // The first tab has let go, and can take it back the same way.
    page.driver().switchTo().window(first);
    page.waitUntil("open in the other tab now", () -> page.text(one + " .chat-state")
        .startsWith("Cette conversation est ouverte dans un autre onglet"));
    page.click(one + " .take-over-button");
    page.waitUntil("secured here again", () -> page.text(one + " .chat-state").equals("Chiffrée de bout en bout"));
    write(one, "Une seule poignée de main, deux onglets.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Une seule poignée de main, deux onglets.");
    visitorWrites(visitor, "Reçu.");
    shows(one, "Reçu.");
  }

  @Test
  void whenTheNetworkComesBackTheConsoleReconnectsAtOnceRatherThanAtTheEndOfItsDelay() {
    try (TcpProxy network = TcpProxy.start(fixture.vertx(), node.port())) {
      ConsolePage online = fixture.open("http://127.0.0.1:" + network.port());
      ConsoleWorkers.certified(online, "camille");
      online.waitUntil("connected", () -> "true".equals(online.waitFor("#connection").getAttribute("data-online")));
      long before = (Long) online.script("return window.__sockets.length");

      // Down long enough for the console to be waiting 5 seconds before its next attempt (0.5, 1 and 2 s before).
      network.cut();
      online.waitUntil("three attempts failed", () -> (Long) online.script("return window.__sockets.length")
          >= before + 3 && (Long) online.script("return window.__sockets.at(-1).readyState") == 3);
      network.restore();
      long start = System.nanoTime();
      online.script("window.dispatchEvent(new Event('online'))");
      new WebDriverWait(online.driver(), Duration.ofMillis(2500), Duration.ofMillis(50)).withMessage("connected again well before the 5 s delay ends")
          .until(d -> "true".equals(d.findElement(By.id("connection")).getAttribute("data-online")));
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500);
    }
  }
}
