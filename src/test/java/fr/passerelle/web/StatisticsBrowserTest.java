package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.it.TestNode;
import fr.passerelle.statistics.Campaign;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard's statistics view in headless Chromium against a real node: a count from 1 to 4 never reaches the
 * screen, only "<5"; 5 and above do; the chart is drawn; every string is translated.
 */
class StatisticsBrowserTest {
  private static final YearMonth FEBRUARY = YearMonth.of(2026, 2);
  private static final YearMonth MARCH = YearMonth.of(2026, 3);
  private Browser browser;
  private TestNode node;
  private SupervisorPage page;
  private ChromeDriver driver;

  @BeforeEach
  void start() {
    browser = Browser.start();
    node = browser.node();
    driver = browser.driver();
    page = new SupervisorPage(browser);
    var stores = node.node().services().stores();
    await(stores.campaigns().create(new Campaign("ads-93", "Annonces Seine-Saint-Denis", "93")));
    CellKey paris = new CellKey(FEBRUARY, "93", "ro", "ads-93");
    count(paris, Measure.SESSIONS_STARTED, 6);
    count(paris, Measure.QUEUE_JOINED, 4);
    count(paris, Measure.CONVERSATIONS, 5);
    count(new CellKey(MARCH, "unknown", "fr", "unknown"), Measure.SESSIONS_STARTED, 1);
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  private void count(CellKey key, Measure measure, int times) {
    for (int i = 0; i < times; i++) {
      await(node.node().services().stores().statistics().increment(key, measure));
    }
  }

  private void show(String from, String to) {
    driver.executeScript("document.getElementById('stats-from').value = arguments[0];"
        + "document.getElementById('stats-to').value = arguments[1];", from, to);
    driver.findElement(By.id("stats-show")).click();
  }

  private WebElement table(String month) {
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.cssSelector("table[data-month='" + month + "']")).isEmpty());
    return driver.findElement(By.cssSelector("table[data-month='" + month + "']"));
  }

  private static String cell(WebElement table, int row, String measure) {
    return table.findElements(By.cssSelector("tbody tr")).get(row)
        .findElement(By.cssSelector("td[data-measure='" + measure + "']")).getText();
  }

  @Test
  void smallCountsAreShownAsSuppressedAndTheOthersAsTheyAre() {
    page.open("en").logInLive("supervisor");
    new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> !d.findElements(
        By.cssSelector("#stats-campaigns option[value='ads-93']")).isEmpty());
    show("2026-01", "2026-03");

    WebElement february = table("2026-02");
    assertThat(february.findElement(By.tagName("caption")).getText()).isEqualTo("February 2026");
    assertThat(february.getText()).contains("93", "Romanian", "ads-93 — Annonces Seine-Saint-Denis");
    assertThat(cell(february, 0, "sessionsStarted")).isEqualTo("6");
    assertThat(cell(february, 0, "queueJoined")).isEqualTo("<5");
    assertThat(cell(february, 0, "conversations")).isEqualTo("5");
    assertThat(cell(february, 0, "abandoned")).isEqualTo("0");
    WebElement hidden = february.findElement(By.cssSelector("td[data-measure='queueJoined']"));
    assertThat(hidden.getAttribute("class")).isEqualTo("suppressed");
    assertThat(hidden.getAttribute("title")).isEqualTo("Fewer than 5: hidden");
    WebElement march = table("2026-03");
    assertThat(march.getText()).contains("unknown", "French");
    assertThat(cell(march, 0, "sessionsStarted")).isEqualTo("<5");
    assertThat(page.text("stats-tables")).as("no count from 1 to 4 in the tables")
        .doesNotContainPattern("(^|\\s)[1-4](\\s|$)");
    assertThat(page.attribute("stats-chart", "aria-label")).as("nor in the chart")
        .doesNotContainPattern(" [1-4][,.]");
    assertThat(driver.findElements(By.cssSelector("#stats-chart canvas"))).isNotEmpty();
    assertThat(page.attribute("stats-chart", "aria-label")).contains("Sessions started: February 2026 6,",
        "March 2026 0");
    page.screenshot("supervisor-statistics");

    driver.executeScript("window.downloads = [];"
        + "const create = URL.createObjectURL; URL.createObjectURL = (blob) => {"
        + "  blob.text().then((text) => window.downloads.push(text)); return create(blob); };");
    driver.findElement(By.id("stats-csv")).click();
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> ((Number) driver.executeScript("return window.downloads.length")).intValue() == 1);
    // As JSON lines, so that the CRLF line ends reach the test as they are.
    assertThat((String) driver.executeScript("return JSON.stringify(window.downloads[0].split('\\r\\n'))"))
        .as("the CSV handed to the browser")
        .startsWith("[\"month,departement,language,campaign,campaignLabel,sessionsStarted,")
        .endsWith("\",\"2026-02,93,ro,ads-93,Annonces Seine-Saint-Denis,6,<5,0,5,0,0,0,0,0\","
            + "\"2026-03,unknown,fr,unknown,,<5,0,0,0,0,0,0,0,0\",\"\"]");
    show("2026-01", "2026-03");
    table("2026-02");
    assertThat(page.text("stats-error")).isEmpty();
    assertThat(page.cspViolations()).isEmpty();
    page.assertAccessible();
  }

  @Test
  void theViewSpeaksFrenchFiltersAndSaysWhenThereIsNothing() {
    page.open("fr").logInLive("admin");
    driver.findElement(By.id("stats-departement")).sendKeys("93");
    show("2026-01", "2026-03");

    WebElement february = table("2026-02");
    assertThat(february.findElement(By.tagName("caption")).getText()).isEqualTo("février 2026");
    assertThat(february.getText()).contains("Sessions ouvertes", "Entrées en file", "roumain");
    assertThat(cell(february, 0, "queueJoined")).isEqualTo("<5");
    assertThat(driver.findElements(By.cssSelector("table[data-month='2026-03']"))).isEmpty();

    show("2025-01", "2025-03");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> d.findElement(By.id("stats-tables")).getText().contains("Rien n’a été compté"));

    driver.findElement(By.id("stats-departement")).clear();
    driver.findElement(By.id("stats-departement")).sendKeys("20");
    show("2026-01", "2026-03");
    new WebDriverWait(driver, Duration.ofSeconds(15))
        .until(d -> d.findElement(By.id("stats-error")).getText().contains("departement"));
    assertThat(page.text("stats-error")).startsWith("Les statistiques n’ont pas pu être chargées");
    assertThat(List.copyOf(page.cspViolations())).isEmpty();
  }
}
