package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureVisitor;
import fr.passerelle.it.TestNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Push routing in the console: offers with their countdown, decline, time-out, and accept. */
class ConsolePushBrowserTest {
  private ConsoleFixture fixture;
  private TestNode node;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_ROUTING_MODE", "push"));
    node = fixture.node();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void offersCountDownAndAreDeclinedWithdrawnOrAccepted() {
    ConsolePage page = fixture.open();
    ConsoleWorkers.available(page, "camille");
    page.setHidden(true);
    SecureVisitor visitor = ConsoleWorkers.visitor(node, "fr");

    page.waitFor("#offer-list li.offer");
    assertThat(page.text("#offer-list li.offer")).contains("français").contains("Attend depuis");
    page.waitUntil("a countdown", () -> page.text("#offer-list .countdown").matches("Encore \\d+ s pour répondre"));
    page.waitUntil("counted in the title", () -> page.driver().getTitle().equals("(1) Passerelle — console"));
    page.waitUntil("notified without content", () -> page.notifications()
        .contains("Passerelle — console | Une conversation vous est proposée."));
    page.setHidden(false);
    page.waitUntil("the listing marks it offered", () -> page.text("#queue-list li.entry").contains("Vous est proposée"));
    page.screenshot("offer");
    page.assertAccessible("offer");

    page.click("#offer-list .offer-decline");
    page.waitGone("#offer-list li.offer");
    page.waitUntil("the title is clear", () -> page.driver().getTitle().equals("Passerelle — console"));
    assertThat(page.waitFor("#queue-list li.entry button.accept").isEnabled()).as("push: no offer, no accept")
        .isFalse();

    // After the decline cool-down the same visitor is offered again; this time left to time out.
    node.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
    page.waitFor("#offer-list li.offer");
    node.clock().advance(Duration.ofSeconds(31));
    page.waitGone("#offer-list li.offer");

    node.clock().advance(Duration.ofMinutes(2).plusSeconds(1));
    page.waitFor("#offer-list li.offer");
    page.click("#offer-list .offer-accept");
    page.waitUntil("secured", () -> page.text(chat(1) + " .chat-state").equals("Chiffrée de bout en bout"));
    page.waitGone("#offer-list li.offer");
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
  }
}
