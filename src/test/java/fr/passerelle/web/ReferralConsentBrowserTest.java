package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static fr.passerelle.web.ConsoleWorkers.chat;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.Received;
import fr.passerelle.client.SecureVisitor;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the console takes for the visitor's consent, with a Java visitor that can say anything: the request it gets
 * is the one the worker wrote; a `consent` frame the server recorded (which a relay could also invent) does not
 * enable "Send referral" on its own; the visitor's own encrypted answer does; a "no" from either disables it again.
 */
class ReferralConsentBrowserTest {
  private ConsoleFixture fixture;
  private TestNode node;
  private ConsolePage page;
  private SecureVisitor visitor;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of());
    node = fixture.node();
    page = fixture.open();
    ConsoleWorkers.available(page, "camille");
    visitor = ConsoleWorkers.visitor(node, "fr");
    page.waitUntil("an entry to take", () -> page.all("#queue-list li.entry button.accept").stream()
        .anyMatch(e -> e.isEnabled()));
    page.all("#queue-list li.entry button.accept").stream().filter(e -> e.isEnabled()).findFirst().orElseThrow()
        .click();
    page.waitUntil("secured", () -> page.text(chat(1) + " .chat-state").equals("Chiffrée de bout en bout"));
    assertThat(await(visitor.nextMessage()).type()).isEqualTo("hello");
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private String consent() {
    return page.waitFor(".referral-consent").getDomAttribute("data-consent");
  }

  @Test
  void onlyTheVisitorsOwnEncryptedAnswerEnablesSendingAndANoFromEitherSideDisablesIt() {
    page.click(chat(1) + " .refer-button");
    page.type("#referral-departement", "93");
    page.click(".referral-search");
    page.click("#referral-assoc-demo-association");
    page.click("#referral-need-safety");
    page.type("#referral-reason", "Pour un hébergement sûr.");
    page.click(".referral-ask");

    Received asked = await(visitor.nextMessage());
    JsonObject content = asked.content();
    assertThat(content.getString("type")).isEqualTo("referral-request");
    assertThat(content.getString("reason")).isEqualTo("Pour un hébergement sûr.");
    assertThat(content.getJsonObject("association").getString("id")).isEqualTo("demo-association");
    assertThat(content.getJsonArray("fields")).isEqualTo(new JsonArray()
        .add("departement").add("languages").add("ageBand").add("needs").add("contact").add("note"));
    String request = content.getString("request");
    page.waitUntil("asked", () -> request.equals(page.waitFor(".referral-consent").getDomAttribute("data-request")));

    // The server's record alone: still waiting for the visitor's own word.
    await(visitor.client().consent(visitor.conversation(), request, true));
    page.waitUntil("the server's record seen", () -> "true".equals(
        page.waitFor(".referral-consent").getDomAttribute("data-server")));
    assertThat(consent()).isEqualTo("waiting");
    assertThat(page.waitFor(".referral-send").isEnabled()).isFalse();

    // The visitor's encrypted answer: given.
    await(visitor.sendContent(new JsonObject().put("type", "referral-consent").put("request", request)
        .put("given", true)));
    page.waitUntil("given", () -> "given".equals(consent()));
    assertThat(page.waitFor(".referral-send").isEnabled()).isTrue();
    assertThat(page.text(chat(1) + " .messages")).contains("La personne a accepté l'orientation.");

    // Withdrawn on the server's side: refused, and Send is disabled again.
    await(visitor.client().consent(visitor.conversation(), request, false));
    page.waitUntil("refused", () -> "refused".equals(consent()));
    assertThat(page.waitFor(".referral-send").isEnabled()).isFalse();
    page.screenshotAs("referral-console-withdrawn");
  }
}
