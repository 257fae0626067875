package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.association.AssociationKey;
import fr.passerelle.association.DemoAssociations;
import fr.passerelle.e2e.AssociationKeyFingerprint;
import fr.passerelle.it.TestNode;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/** On a demo node the intake page offers the demo association's key, and loads it with one click. */
class IntakeDemoKeyBrowserTest {
  private ConsoleFixture fixture;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void theDemoKeyIsOfferedAndLoadsIntoThePage() {
    ConsolePage intake = new ConsolePage(fixture.window(), fixture.origin());
    intake.driver().get(fixture.origin() + "/intake/");
    intake.waitUntil("the page is translated", () -> !intake.text("#login-heading").isEmpty());
    new Select(intake.waitFor("#language")).selectByValue("en");
    intake.type("#username", "intake");
    intake.type("#password", TestNode.PASSWORD);
    intake.click("#login-submit");
    intake.waitFor("#inbox");
    intake.waitUntil("the demo key offered, in English", () -> intake.text("#key-demo").equals("Use the demo key"));
    intake.assertAccessible("the intake page offering the demo key");

    intake.click("#key-demo");
    AssociationKey current = TestNode.await(fixture.node().node().services().stores().associations()
        .find(DemoAssociations.LINKED_ID)).orElseThrow().currentKey().orElseThrow();
    String keyId = AssociationKeyFingerprint.of(current.publicKey()).keyId();
    intake.waitUntil("the demo key loaded", () -> intake.text("#key-status").contains(keyId));
    intake.screenshotAs("intake-demo-key");
  }
}
