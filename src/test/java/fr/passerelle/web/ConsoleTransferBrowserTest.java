package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureVisitor;
import fr.passerelle.client.SecureWorker;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.crypto.Base64Url;
import fr.passerelle.e2e.KeySource;
import fr.passerelle.e2e.WorkerKeys;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A transfer between two consoles with an encrypted note only the second worker opens; the visitor's new key and
 * the second handshake; then back to the queue and taken again.
 */
class ConsoleTransferBrowserTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String NOTE = "Elle parle aussi roumain. Elle a peur de son compagnon : rester prudente.";
  private ConsoleFixture fixture;
  private TestNode node;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_ROUTING_MODE", "pull"));
    node = fixture.node();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static void accept(ConsolePage page) {
    page.waitUntil("an entry to take", () -> page.all("#queue-list li.entry button.accept").stream()
        .anyMatch(WebElement::isEnabled));
    page.click("#queue-list li.entry button.accept");
  }

  private static void write(ConsolePage page, String chat, String text) {
    WebElement box = page.waitFor(chat + " textarea");
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
  }

  @Test
  void aWorkerHandsAVisitorToAColleagueWithANoteOnlyTheColleagueOpensThenTheQueueTakesThemBack() {
    ConsolePage camille = fixture.open();
    ConsolePage ioana = fixture.open();
    ConsoleWorkers.available(camille, "camille");
    ConsoleWorkers.available(ioana, "ioana");
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");

    accept(camille);
    camille.waitUntil("secured", () -> camille.text(chat(1) + " .chat-state").equals("Chiffrée de bout en bout"));
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    write(camille, chat(1), "Je vous passe à ma collègue Ioana, qui parle roumain.");
    assertThat(await(visitor.nextMessage()).text()).isEqualTo("Je vous passe à ma collègue Ioana, qui parle roumain.");

    camille.click(chat(1) + " .transfer-button");
    camille.waitFor("#transfer-dialog");
    camille.waitUntil("Ioana is offered", () -> camille.text("#transfer-targets").contains("Ioana"));
    camille.click("#transfer-targets input[id^='colleague-']");
    camille.type("#transfer-note", NOTE);
    camille.assertAccessible("transfer dialog");
    camille.screenshot("transfer-dialog");
    camille.click("#transfer-submit");
    camille.waitGone("#transfer-dialog");
    camille.waitUntil("transferred", () -> camille.text(chat(1) + " .chat-state").equals("Conversation transférée"));

    // The visitor deletes the old session and sends a new key; Ioana answers it with a new handshake.
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Ioana");
    ioana.waitUntil("secured", () -> ioana.text(chat(1) + " .chat-state").equals("Chiffrée de bout en bout"));
    ioana.click(chat(1) + " .open-note");
    ioana.waitUntil("the note opens", () -> ioana.text(chat(1) + " .note-text").equals(NOTE));
    assertThat(ioana.text(chat(1) + " .note-head")).startsWith("Note de Camille");
    ioana.click(chat(1) + " .safety-button");
    assertThat(ioana.waitFor(chat(1) + " .safety-code").getText()).contains(visitor.safetyCode().orElseThrow());
    ioana.screenshot("transfer-received");
    ioana.assertAccessible("transferred conversation with its note");

    write(ioana, chat(1), "Bună ziua, sunt Ioana. Putem vorbi în română dacă doriți.");
    assertThat(await(visitor.nextMessage()).text())
        .isEqualTo("Bună ziua, sunt Ioana. Putem vorbi în română dacă doriți.");
    await(visitor.send("Da, mulțumesc."));
    ioana.waitUntil("shown", () -> ioana.text(chat(1) + " .message.from-visitor .text").equals("Da, mulțumesc."));

    // Back to the queue: the visitor keeps their place, rekeys, and Camille takes them again.
    ioana.click(chat(1) + " .transfer-button");
    ioana.waitFor("#transfer-dialog");
    ioana.click("#transfer-queue");
    assertThat(ioana.waitFor("#transfer-note").isEnabled()).as("no note for the queue").isFalse();
    ioana.click("#transfer-submit");
    ioana.waitUntil("back in the queue", () -> ioana.text(chat(1) + " .chat-state").equals("Conversation transférée"));
    accept(camille);
    camille.waitUntil("secured again", () -> camille.text(chat(2) + " .chat-state").equals("Chiffrée de bout en bout"));
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Camille");
    await(visitor.send("Merci."));
    camille.waitUntil("shown", () -> camille.text(chat(2) + " .message.from-visitor .text").equals("Merci."));
    for (ConsolePage page : new ConsolePage[] {camille, ioana}) {
      assertThat(String.join("|", page.titles())).doesNotContain("roumain").doesNotContain("Merci")
          .doesNotContain("Ioana").doesNotContain("prudente");
    }
  }

  @Test
  void aNoteSealedInTheBrowserOpensInTheJavaWorkerAndOneSealedInJavaOpensInTheBrowser() {
    SecureWorker ioana = javaWorker("ioana");
    ConsolePage camille = fixture.open();
    ConsoleWorkers.available(camille, "camille");
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");
    accept(camille);
    camille.waitUntil("secured", () -> camille.text(chat(1) + " .chat-state").equals("Chiffrée de bout en bout"));
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");

    camille.click(chat(1) + " .transfer-button");
    camille.waitUntil("Ioana is offered", () -> camille.text("#transfer-targets").contains("Ioana"));
    camille.click("#transfer-targets input[id^='colleague-']");
    camille.type("#transfer-note", "Écrite dans le navigateur, lue en Java.");
    camille.click("#transfer-submit");
    Received note = await(ioana.nextMessage());
    assertThat(note.type()).isEqualTo("transfer-note");
    assertThat(note.text()).isEqualTo("Écrite dans le navigateur, lue en Java.");
    assertThat(note.content().getString("from")).isEqualTo("Camille");
    // The Java worker handles frames as it is asked for messages: the new key, its handshake, then this one.
    io.vertx.core.Future<Received> ioanaReads = ioana.nextMessage();
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Ioana");
    await(visitor.send("Bonjour Ioana."));
    assertThat(await(ioanaReads).text()).isEqualTo("Bonjour Ioana.");

    String conversation = visitor.conversation();
    String camilleId = await(node.node().services().stores().staff().findByUsername("camille")).orElseThrow().id();
    await(ioana.transfer(node.transport(), conversation, camilleId, "Écrite en Java, lue dans le navigateur."));
    camille.waitFor(chat(2) + " .open-note");
    camille.click(chat(2) + " .open-note");
    camille.waitUntil("the note opens", () -> camille.text(chat(2) + " .note-text")
        .equals("Écrite en Java, lue dans le navigateur."));
    assertThat(camille.text(chat(2) + " .note-head")).startsWith("Note de Ioana");
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
    assertThat(visitor.worker().orElseThrow().pseudonym()).isEqualTo("Camille");
  }

  /** A Java worker with a demo certificate for fresh identity keys, available. */
  private SecureWorker javaWorker(String username) {
    WorkerKeys keys = WorkerKeys.generate(RANDOM);
    WorkerClient client = node.worker(username);
    JsonObject body = new JsonObject().put("dhKey", Base64Url.encode(keys.identityDh().publicKey()))
        .put("signingKey", Base64Url.encode(keys.identitySigning().publicKey()));
    byte[] certificate = Base64Url.decode(await(node.transport().request("POST", "/api/v1/workers/me/certificate/demo",
        Optional.of(client.token()), Optional.of(body.encode()))).body().getString("certificate")).orElseThrow();
    SecureWorker worker = new SecureWorker(client, keys, certificate, node.node().organisationRoot().publicKey(),
        node.clock(), KeySource.random(RANDOM));
    await(client.available());
    return worker;
  }
}
