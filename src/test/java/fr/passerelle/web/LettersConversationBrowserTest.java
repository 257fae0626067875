package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Letters end to end with nothing played by Java (docs/protocol.md 12.12): a visitor leaves a message in the widget
 * and gets a code; a worker sees the mailbox in the console's Messages section, reads the text and answers; on
 * another visit, the code opens the mailbox with the answer under the worker's verified pseudonym; the visitor writes
 * again and the worker reads it. Each page is saved at each step to {@code target/screenshots/letters-*.png}.
 */
class LettersConversationBrowserTest {
  private static final String ORG_NAME = "Association Horizon";
  private static final String FIRST = "Bonjour. Je ne peux pas attendre ce soir ; pouvez-vous me dire où dormir demain ?";
  private static final String ANSWER = "Bonjour, c'est Camille. Le 115 ou l'accueil de jour rue des Lilas, dès 9 h.";
  private static final String AGAIN = "Merci ! J'irai demain matin.";

  private ConsoleFixture fixture;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_ORGANISATION_NAME", ORG_NAME));
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void aVisitorLeavesALetterAWorkerAnswersAndTheCodeOpensTheAnswerOnAnotherVisit() {
    ConsolePage camille = fixture.open();
    ConsoleWorkers.certified(camille, "camille");
    camille.waitUntil("an empty Messages section", () -> camille.text("#letters-summary").startsWith("0 "));

    WidgetPage visitor = phone();
    visitor.selectLanguage("fr");
    String code = LettersWidgetBrowserTest.leaveALetter(visitor, FIRST);
    visitor.screenshot("letters-visitor-sent");

    camille.click("#letters-refresh");
    camille.waitUntil("one mailbox awaiting a reply", () -> camille.text("#letters-summary")
        .startsWith("1 boîte(s) en attente"));
    assertThat(camille.waitFor("#letters-list li").getAttribute("data-awaiting")).isEqualTo("true");
    assertThat(camille.text("#letters-list li")).contains("français").doesNotContain(FIRST);
    camille.waitUntil("the count in the title, without content", () -> camille.titles().stream()
        .anyMatch(t -> t.startsWith("(1)")));
    assertThat(camille.titles()).noneMatch(t -> t.contains("Bonjour"));
    camille.click("#letters-list .letters-open");
    camille.waitUntil("the visitor's letter, opened", () -> camille.text(".letter.visitor .letter-text").equals(FIRST));
    camille.assertAccessible("a mailbox opened");
    camille.screenshot("letters-opened");

    camille.type("#letters-reply", ANSWER);
    camille.click(".letters-send");
    camille.waitUntil("the answer in the thread", () -> camille.text(".letter.worker .letter-text").equals(ANSWER));
    assertThat(camille.text(".letter.worker .letter-from")).startsWith("Camille");
    camille.waitUntil("answered", () -> camille.text("#letters-summary").startsWith("0 boîte(s) en attente"));
    camille.screenshot("letters-answered");

    WidgetPage later = phone();
    later.selectLanguage("fr");
    LettersWidgetBrowserTest.enterCode(later, code.toLowerCase().replace("-", " "));
    later.awaitPhase("mailbox");
    later.until(() -> later.findAll(".letter.worker .text").stream().anyMatch(e -> e.getText().equals(ANSWER)),
        "the answer, opened with the code");
    assertThat(later.textOf(".letter.worker .sender")).startsWith("Camille, ");
    assertThat(later.textOf(".letter.worker .verified")).isEqualTo("Identité vérifiée : " + ORG_NAME);
    assertThat(later.textOf(".letter.me .sender")).startsWith("Votre message, envoyé le ");
    assertThat(later.text()).doesNotContain(FIRST);
    later.screenshot("letters-visitor-answer");

    later.send(AGAIN);
    later.until(() -> later.findAll(".letter.me[data-state=stored] .text").stream()
        .anyMatch(e -> e.getText().equals(AGAIN)), "the second letter stored");

    camille.click("#letters-refresh");
    camille.waitUntil("awaiting again", () -> camille.text("#letters-summary").startsWith("1 boîte(s) en attente"));
    camille.click("#letters-list .letters-open");
    camille.waitUntil("both letters of the visitor", () -> camille.all(".letter.visitor .letter-text").stream()
        .map(e -> e.getText()).toList().equals(java.util.List.of(FIRST, AGAIN)));
    camille.screenshot("letters-written-again");
  }

  private WidgetPage phone() {
    ChromeDriver driver = fixture.window();
    driver.manage().window().setSize(new Dimension(412, 915));
    return new WidgetPage(driver).open(fixture.origin() + "/");
  }
}
