package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import fr.passerelle.it.TestNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The supervisor dashboard at /supervisor/ in a {@link Browser}: what a person does there, and what they read. */
final class SupervisorPage {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(15);
  // Collects Content-Security-Policy violations from the moment the test looks, so none goes unnoticed.
  private static final String WATCH_CSP = """
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
      """;

  private final Browser browser;
  private final ChromeDriver driver;

  SupervisorPage(Browser browser) {
    this.browser = browser;
    this.driver = browser.driver();
  }

  /** Opens the dashboard in {@code language} and waits until its strings are in. */
  SupervisorPage open(String language) {
    driver.manage().window().setSize(new Dimension(1280, 1500));
    driver.get(browser.origin() + "/supervisor/");
    until(d -> d.findElement(By.tagName("body")).getAttribute("data-ready") != null);
    driver.executeScript(WATCH_CSP);
    language(language);
    return this;
  }

  SupervisorPage language(String language) {
    new Select(driver.findElement(By.id("language"))).selectByValue(language);
    until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    return this;
  }

  void logIn(String username) {
    WebElement name = driver.findElement(By.id("username"));
    name.clear();
    name.sendKeys(username);
    WebElement password = driver.findElement(By.id("password"));
    password.clear();
    password.sendKeys(TestNode.PASSWORD);
    driver.findElement(By.id("login-submit")).click();
  }

  /** Logs in and waits for the feed to be live. */
  SupervisorPage logInLive(String username) {
    logIn(username);
    waitForState("live");
    return this;
  }

  void logOutAndWaitForTheForm() {
    driver.findElement(By.id("logout")).click();
    until(d -> d.findElement(By.id("login")).isDisplayed() && !d.findElement(By.id("dashboard")).isDisplayed());
  }

  void waitForState(String state) {
    until(d -> state.equals(d.findElement(By.id("connection")).getAttribute("data-state")));
  }

  String text(String id) {
    return driver.findElement(By.id(id)).getText();
  }

  String attribute(String id, String name) {
    return driver.findElement(By.id(id)).getAttribute(name);
  }

  boolean visible(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }

  /** Waits until the element's text satisfies {@code test}; the page updates every second. */
  String waitForText(String id, Predicate<String> test) {
    until(d -> test.test(d.findElement(By.id(id)).getText()));
    return text(id);
  }

  String css(String id, String property) {
    return driver.findElement(By.id(id)).getCssValue(property);
  }

  WebElement chart(String name) {
    return driver.findElement(By.cssSelector("figure[data-chart='" + name + "']"));
  }

  int chartPoints(String name) {
    return Integer.parseInt(chart(name).getAttribute("data-points"));
  }

  @SuppressWarnings("unchecked")
  List<String> cspViolations() {
    return (List<String>) driver.executeScript("return window.cspViolations || ['the watcher is gone'];");
  }

  /** Whatever the page keeps outside its memory: there must be nothing. */
  long storedItems() {
    return (Long) driver.executeScript("return localStorage.length + sessionStorage.length"
        + " + (document.cookie ? document.cookie.split(';').length : 0);");
  }

  String source() {
    return driver.getPageSource();
  }

  /** The page as a person sees it, kept as a test artefact. */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core over the whole page: no serious or critical violation (each one named if any). */
  void assertAccessible() {
    Results results = new AxeBuilder().analyze(driver);
    assertThat(results.isErrored()).as("axe ran: %s", results.getErrorMessage()).isFalse();
    List<String> bad = results.getViolations().stream()
        .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
        .map(SupervisorPage::describe).toList();
    assertThat(bad).as("serious or critical accessibility violations").isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " at "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
  }

  private void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
    new WebDriverWait(driver, WAIT, Duration.ofMillis(100)).until(condition::apply);
  }
}
