package fr.passerelle.web;

import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The whole conversation the product is for, with nothing played by Java: a visitor in the widget on the demo host
 * page and workers in their consoles, each in a browser of their own, through one running node. The queue, the
 * accept, the worker verified and the same safety code on both sides, messages both ways, the visitor's network and
 * then the worker's cut with messages written meanwhile arriving once, a transfer with a note to a colleague, a new
 * verified pseudonym and a new safety code, and the end. Each page is saved at each step to
 * {@code target/screenshots/whole-*.png}.
 */
class WholeConversationBrowserTest {
  private static final String ORG_NAME = "Association Horizon";
  private static final String SECURED = "Chiffrée de bout en bout";
  private static final String NOTE = "Cherche un hébergement à Lyon. Ne pas l'appeler : écrire seulement.";

  private final List<String> fromVisitor = new ArrayList<>();
  private final List<String> fromCamille = new ArrayList<>();
  private final List<String> fromIoana = new ArrayList<>();
  private ConsoleFixture fixture;
  // The visitor's phone and Camille's computer each reach the node through a relay that a test can cut.
  private TcpProxy visitorNetwork;
  private TcpProxy camilleNetwork;
  private WidgetPage visitor;
  private ConsolePage camille;
  private ConsolePage ioana;
  private int step;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_ROUTING_MODE", "pull",
        "PASSERELLE_ORGANISATION_NAME", ORG_NAME));
    visitorNetwork = TcpProxy.start(fixture.vertx(), fixture.node().port());
    camilleNetwork = TcpProxy.start(fixture.vertx(), fixture.node().port());
  }

  @AfterEach
  void stop() {
    try {
      visitorNetwork.close();
      camilleNetwork.close();
    } finally {
      fixture.close();
    }
  }

  @Test
  void aVisitorInTheWidgetTalksWithWorkersInTheirConsolesThroughCutsATransferAndTheEnd() {
    camille = fixture.open(origin(camilleNetwork));
    ConsoleWorkers.available(camille, "camille");
    ChromeDriver phone = fixture.window();
    phone.manage().window().setSize(new Dimension(412, 915));
    visitor = new WidgetPage(phone).open(origin(visitorNetwork) + "/");
    visitor.selectLanguage("fr");
    shoot("intro");

    // The visitor queues and writes at once: held in the widget until a worker is verified.
    visitor.start();
    visitor.awaitText("Votre place dans la file : 1");
    visitorWrites("Bonjour, je suis à Lyon depuis deux semaines.");
    assertThat(visitor.stateOf("Bonjour, je suis à Lyon depuis deux semaines.")).isEqualTo("held");
    camille.waitUntil("the visitor in Camille's queue", () -> camille.text("#queue-list li.entry")
        .contains("français"));
    shoot("queue");

    camille.click("#queue-list li.entry button.accept");
    camille.waitUntil("secured", () -> camille.text(chat(1) + " .chat-state").equals(SECURED));
    visitor.awaitPhase("chatting");
    assertThat(visitor.textOf("#pw-title")).isEqualTo("Vous parlez avec Camille");
    assertThat(visitor.text()).contains("Identité vérifiée : " + ORG_NAME);
    shows(camille, "Bonjour, je suis à Lyon depuis deux semaines.");
    stored("Bonjour, je suis à Lyon depuis deux semaines.");

    camilleWrites("Bonjour, je m'appelle Camille. Je vous lis.");
    visitor.awaitWorkerMessage("Bonjour, je m'appelle Camille. Je vous lis.");
    visitorWrites("J'ai besoin d'aide pour trouver un hébergement.");
    shows(camille, "J'ai besoin d'aide pour trouver un hébergement.");
    stored("J'ai besoin d'aide pour trouver un hébergement.");
    String firstCode = safetyCodes(camille);
    shoot("chat");

    // The visitor's network goes and stays down a while; both write meanwhile; it comes back.
    int visitorConnections = visitorNetwork.accepted();
    visitorNetwork.cut();
    visitor.awaitText("Connexion perdue. Nouvelle tentative en cours…");
    camilleWrites("Prenez votre temps, je reste là.");
    sentFromConsole(camille, "Prenez votre temps, je reste là.");
    visitorWrites("La connexion est mauvaise ici.");
    visitor.until(() -> "sending".equals(visitor.stateOf("La connexion est mauvaise ici.")),
        "encrypted, waiting for the network");
    shoot("visitor-offline");
    visitorNetwork.restore();
    visitor.script("window.dispatchEvent(new Event('online'))");
    visitor.until(() -> visitorNetwork.accepted() > visitorConnections, "the widget connects again");
    visitor.awaitWorkerMessage("Prenez votre temps, je reste là.");
    shows(camille, "La connexion est mauvaise ici.");
    stored("La connexion est mauvaise ici.");

    // Camille's network goes; both write meanwhile; her console comes back by itself.
    int camilleConnections = camilleNetwork.accepted();
    camilleNetwork.cut();
    camille.waitUntil("Camille offline", () -> "false".equals(camille.waitFor("#connection")
        .getAttribute("data-online")));
    visitorWrites("Vous êtes toujours là ?");
    stored("Vous êtes toujours là ?");
    camilleWrites("Oui, ma connexion a sauté un instant.");
    shoot("worker-offline");
    camilleNetwork.restore();
    camille.waitUntil("Camille online again", () -> camilleNetwork.accepted() > camilleConnections
        && "true".equals(camille.waitFor("#connection").getAttribute("data-online")));
    shows(camille, "Vous êtes toujours là ?");
    visitor.awaitWorkerMessage("Oui, ma connexion a sauté un instant.");
    sentFromConsole(camille, "Oui, ma connexion a sauté un instant.");
    camille.waitUntil("available again as chosen", () -> camille.text("#presence-toggle").equals("Disponible"));

    // One more each way: anything delivered twice after the cuts would show before these.
    camilleWrites("Je vais vous passer à ma collègue Ioana, qui connaît bien les hébergements.");
    visitor.awaitWorkerMessage("Je vais vous passer à ma collègue Ioana, qui connaît bien les hébergements.");
    visitorWrites("D'accord.");
    shows(camille, "D'accord.");
    assertThat(workerMessagesInTheWidget()).containsExactlyElementsOf(fromCamille);
    assertThat(visitorMessages(camille)).containsExactlyElementsOf(fromVisitor);
    shoot("reconnected");

    // Ioana comes on duty in a third browser; Camille hands the visitor over with a note only Ioana opens.
    ioana = fixture.open();
    ConsoleWorkers.available(ioana, "ioana");
    camille.click(chat(1) + " .transfer-button");
    camille.waitFor("#transfer-dialog");
    camille.waitUntil("Ioana is offered", () -> camille.text("#transfer-targets").contains("Ioana"));
    camille.click("#transfer-targets input[id^='colleague-']");
    camille.type("#transfer-note", NOTE);
    shoot("transfer-dialog");
    camille.click("#transfer-submit");
    camille.waitGone("#transfer-dialog");
    camille.waitUntil("transferred", () -> camille.text(chat(1) + " .chat-state").equals("Conversation transférée"));
    ioana.waitUntil("secured", () -> ioana.text(chat(1) + " .chat-state").equals(SECURED));
    ioana.click(chat(1) + " .open-note");
    ioana.waitUntil("the note opens", () -> ioana.text(chat(1) + " .note-text").equals(NOTE));
    assertThat(ioana.text(chat(1) + " .note-head")).startsWith("Note de Camille");

    // The widget verifies Ioana: a new pseudonym, a new handshake, a new safety code.
    visitor.until(() -> visitor.textOf("#pw-title").equals("Vous parlez avec Ioana"), "Ioana, verified");
    assertThat(visitor.text()).contains("Identité vérifiée : " + ORG_NAME);
    String secondCode = safetyCodes(ioana);
    assertThat(secondCode).isNotEqualTo(firstCode);
    fromVisitor.clear();
    ioanaWrites("Bonjour, je suis Ioana. Camille m'a expliqué : je cherche avec vous.");
    visitor.awaitWorkerMessage("Bonjour, je suis Ioana. Camille m'a expliqué : je cherche avec vous.");
    visitorWrites("Merci, bonjour Ioana.");
    shows(ioana, "Merci, bonjour Ioana.");
    stored("Merci, bonjour Ioana.");
    shoot("transferred");

    // Ioana ends the conversation; the widget says so.
    ioanaWrites("Je vous envoie les adresses par le service d'accueil. Bonne journée.");
    visitor.awaitWorkerMessage("Je vous envoie les adresses par le service d'accueil. Bonne journée.");
    ioana.click(chat(1) + " .end-button");
    ioana.click("#confirm-ok");
    ioana.waitUntil("ended", () -> ioana.text(chat(1) + " .chat-state").equals("Conversation terminée"));
    visitor.awaitPhase("ended");
    assertThat(visitor.textOf("#pw-title")).isEqualTo("La discussion est terminée");
    List<String> fromWorkers = new ArrayList<>(fromCamille);
    fromWorkers.addAll(fromIoana);
    assertThat(workerMessagesInTheWidget()).containsExactlyElementsOf(fromWorkers);
    assertThat(visitorMessages(ioana)).containsExactlyElementsOf(fromVisitor);
    shoot("ended");
  }

  private static String origin(TcpProxy network) {
    return "http://127.0.0.1:" + network.port();
  }

  private void visitorWrites(String text) {
    fromVisitor.add(text);
    visitor.send(text);
  }

  private void camilleWrites(String text) {
    fromCamille.add(text);
    write(camille, text);
  }

  private void ioanaWrites(String text) {
    fromIoana.add(text);
    write(ioana, text);
  }

  private static void write(ConsolePage page, String text) {
    WebElement box = page.waitFor(chat(1) + " textarea");
    box.sendKeys(text);
    box.sendKeys(Keys.ENTER);
  }

  /** The console shows the visitor's message. */
  private static void shows(ConsolePage page, String text) {
    page.waitUntil("shown: " + text, () -> visitorMessages(page).contains(text));
  }

  private static List<String> visitorMessages(ConsolePage page) {
    return page.all(chat(1) + " .message.from-visitor .text").stream().map(WebElement::getText).toList();
  }

  /** The server has the worker's message: the console marks it sent. */
  private static void sentFromConsole(ConsolePage page, String text) {
    page.waitUntil("marked sent: " + text, () -> page.all(chat(1) + " .message.from-worker").stream()
        .anyMatch(m -> m.getText().contains(text) && m.getText().contains("envoyé")));
  }

  /** The server has the visitor's message: the widget marks it sent. */
  private void stored(String text) {
    visitor.until(() -> "stored".equals(visitor.stateOf(text)), "marked sent in the widget: " + text);
  }

  private List<String> workerMessagesInTheWidget() {
    return visitor.findAll(".message.worker .text").stream().map(WebElement::getText).toList();
  }

  /** The safety code the widget shows, once the console of {@code worker} shows the same one. */
  private String safetyCodes(ConsolePage worker) {
    visitor.click(".safety .link");
    visitor.until(() -> !visitor.textOf(".safety-code").isEmpty(), "the safety code in the widget");
    String code = visitor.textOf(".safety-code");
    assertThat(code).matches("\\d{5} \\d{5} \\d{5} \\d{5}");
    worker.click(chat(1) + " .safety-button");
    assertThat(worker.waitFor(chat(1) + " .safety-code").getText()).contains(code);
    return code;
  }

  /** Every page open, saved as {@code target/screenshots/whole-<nn>-<name>-<who>.png}. */
  private void shoot(String name) {
    step += 1;
    String prefix = "whole-%02d-%s-".formatted(step, name);
    visitor.screenshot(prefix + "visitor");
    camille.screenshotAs(prefix + "camille");
    if (ioana != null) {
      ioana.screenshotAs(prefix + "ioana");
    }
  }
}
