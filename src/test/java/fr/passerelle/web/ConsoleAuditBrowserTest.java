package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.audit.AuditAction;
import fr.passerelle.audit.AuditEntry;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The admin's audit log view: entries newest first in words, filters, older pages, and a refused filter said. */
class ConsoleAuditBrowserTest {
  private ConsoleFixture fixture;
  private TestNode node;

  @BeforeEach
  void start() {
    fixture = ConsoleFixture.start(Map.of("PASSERELLE_LIMITS_LOGINS_PER_MINUTE", "1000"));
    node = fixture.node();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private ConsolePage auditView() {
    ConsolePage page = fixture.open();
    page.login("admin", TestNode.PASSWORD);
    page.waitFor("#admin-view");
    page.click(".admin-nav .tab[data-view='audit']");
    page.waitUntil("audit open", () -> "audit".equals(page.waitFor("#admin-panel").getAttribute("data-view")));
    return page;
  }

  private static List<String> column(ConsolePage page, int index) {
    return page.all(".audit-table tbody tr").stream()
        .map(row -> row.findElements(By.tagName("td")).get(index).getText()).toList();
  }

  @Test
  void anAdminReadsTheLogInWordsAndFiltersItByActionAndPerson() {
    assertThat(await(node.transport().post("/api/v1/auth/login", new JsonObject().put("username", "camille")
        .put("password", "not the password"))).status()).isEqualTo(401);
    node.clock().advance(Duration.ofSeconds(1));
    node.token("camille");
    node.clock().advance(Duration.ofSeconds(1));
    String admin = node.token("admin");
    node.clock().advance(Duration.ofSeconds(1));
    assertThat(await(node.transport().request("PUT", "/api/v1/service/hours", Optional.of(admin),
        Optional.of(new JsonObject().put("timeZone", "Europe/Paris").put("hours", new JsonArray())
            .encode()))).status()).isEqualTo(200);
    node.clock().advance(Duration.ofSeconds(1));

    ConsolePage page = auditView();
    page.waitUntil("entries listed", () -> page.all(".audit-table tbody tr").size() == 5);
    assertThat(column(page, 2)).containsExactly("Connexion", "Horaires modifiés", "Connexion", "Connexion",
        "Échec de connexion");
    assertThat(column(page, 1)).containsExactly("admin", "admin", "admin", "camille", "camille");
    assertThat(page.text("#admin-panel .notice")).isEqualTo("5 entrées affichées.");
    List<String> options = new Select(page.waitFor(".audit-filters select")).getOptions().stream()
        .map(o -> o.getAttribute("value")).toList();
    assertThat(options.subList(1, options.size())).as("the view offers every action the server records")
        .containsExactlyElementsOf(Arrays.stream(AuditAction.values()).map(AuditAction::wire).toList());
    page.assertAccessible("admin audit log");
    page.screenshot("admin-audit");

    new Select(page.waitFor(".audit-filters select")).selectByValue("login-failed");
    page.click(".audit-filters button[type='submit']");
    page.waitUntil("one failure", () -> page.all(".audit-table tbody tr").size() == 1);
    assertThat(page.text(".audit-table tbody tr")).contains("camille", "Échec de connexion", "wrong-password");

    new Select(page.waitFor(".audit-filters select")).selectByValue("");
    page.type(".audit-filters input[name='actor']", "admin");
    page.click(".audit-filters button[type='submit']");
    page.waitUntil("the admin's three", () -> page.all(".audit-table tbody tr").size() == 3);

    page.type(".audit-filters input[name='actor']", "nobody");
    page.click(".audit-filters button[type='submit']");
    page.waitUntil("none", () -> page.text("#admin-panel .notice")
        .equals("Aucune entrée ne correspond à ces filtres."));
    assertThat(page.all(".audit-table tbody tr")).isEmpty();
  }

  @Test
  void olderEntriesComeOnePageAtATimeAndARefusedFilterIsSaid() {
    Instant start = node.clock().instant();
    String adminId = await(node.node().services().stores().staff().findByUsername("admin")).orElseThrow().id();
    for (int i = 0; i < 60; i++) {
      await(node.node().services().stores().audit().append(new AuditEntry("e" + i, start.minusSeconds(600 - i),
          adminId, "admin", AuditAction.HOURS_CHANGED, Optional.empty(), Optional.empty())));
    }

    ConsolePage page = auditView();
    page.waitUntil("a first page", () -> page.all(".audit-table tbody tr").size() == 50);
    page.click(".audit-more");
    page.waitUntil("the rest", () -> page.all(".audit-table tbody tr").size() == 61);
    assertThat(page.all(".audit-more").stream().noneMatch(WebElement::isDisplayed)).as("no more pages").isTrue();
    assertThat(page.all(".audit-table tbody tr").get(60).getAttribute("data-id")).isEqualTo("e0");

    page.script("document.querySelector(\"input[name='from']\").value = '2026-03-02T10:00';"
        + "document.querySelector(\"input[name='to']\").value = '2026-03-01T10:00';");
    page.click(".audit-filters button[type='submit']");
    page.waitUntil("refused", () -> page.text(".audit-filters .error").contains("invalid_field"));
    assertThat(page.all(".audit-table tbody tr")).as("the rows shown stay").hasSize(61);
  }
}
