package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One browser window on the worker console, with the waits, reads and checks the console tests share. */
public final class ConsolePage {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration WAIT = Duration.ofSeconds(20);
  /**
   * Installed before the page's own scripts: records every tab title and every notification the console makes (a
   * fake Notification that the page believes allowed), keeps the page's WebSockets so a test can drop one, and lets
   * a test pretend the tab is hidden.
   */
  private static final String WATCH = """
      (() => {
        const titles = [];
        const notifications = [];
        window.__titles = titles;
        window.__notifications = notifications;
        const title = Object.getOwnPropertyDescriptor(Document.prototype, 'title');
        Object.defineProperty(Document.prototype, 'title', {
          configurable: true,
          get() { return title.get.call(this); },
          set(value) { titles.push(String(value)); title.set.call(this, value); },
        });
        class FakeNotification {
          constructor(title, options = {}) {
            notifications.push({ title: String(title), body: String(options.body ?? '') });
          }
          close() {}
          static requestPermission() { return Promise.resolve('granted'); }
        }
        FakeNotification.permission = 'granted';
        window.Notification = FakeNotification;
        const NativeWebSocket = window.WebSocket;
        const sockets = [];
        window.__sockets = sockets;
        window.WebSocket = class extends NativeWebSocket {
          constructor(...args) { super(...args); sockets.push(this); }
        };
        let hidden = false;
        window.__setHidden = (value) => { hidden = value; };
        Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get() { return hidden; } });
      })();
      """;

  private final ChromeDriver driver;
  private final String origin;

  ConsolePage(ChromeDriver driver, String origin) {
    this.driver = driver;
    this.origin = origin;
  }

  public ChromeDriver driver() {
    return driver;
  }

  /** Opens the console with the title and notification watch installed, and waits for its strings. */
  void load() {
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH));
    driver.get(origin + "/console/");
    waitUntil("the login form is translated", () -> !text("#login-heading").isEmpty());
  }

  /** Reloads the page, as a worker pressing F5 would. */
  public void reload() {
    driver.navigate().refresh();
    waitUntil("the page reloads", () -> {
      try {
        // With conversations open the console asks before leaving: the worker confirms.
        driver.switchTo().alert().accept();
      } catch (org.openqa.selenium.NoAlertPresentException e) {
        // nothing asked
      }
      return !text("#login-heading").isEmpty() && waitFor("#login-view").isDisplayed();
    });
  }

  public void login(String username, String password) {
    type("#login-username", username);
    type("#login-password", password);
    click("#login-submit");
  }

  public void type(String css, String text) {
    WebElement field = waitFor(css);
    field.clear();
    field.sendKeys(text);
  }

  public void click(String css) {
    waitUntil("clickable: " + css, () -> {
      WebElement element = driver.findElement(By.cssSelector(css));
      if (!element.isDisplayed() || !element.isEnabled()) {
        return false;
      }
      element.click();
      return true;
    });
  }

  /** The element once it is displayed. */
  public WebElement waitFor(String css) {
    waitUntil("visible: " + css, () -> driver.findElements(By.cssSelector(css)).stream()
        .anyMatch(WebElement::isDisplayed));
    return driver.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
        .orElseThrow();
  }

  public void waitGone(String css) {
    waitUntil("gone: " + css,
        () -> driver.findElements(By.cssSelector(css)).stream().noneMatch(WebElement::isDisplayed));
  }

  /** Polls with a deadline; elements replaced while being read just count as "not yet". */
  public void waitUntil(String what, Supplier<Boolean> condition) {
    new WebDriverWait(driver, WAIT).withMessage(() -> what + "; page: " + text("main") + "; browser log: " + logs())
        .ignoring(StaleElementReferenceException.class).ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> condition.get());
  }

  /** The text of the first element matching, or "" if there is none. */
  public String text(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? "" : found.get(0).getText();
  }

  public List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  public Object script(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(js, args);
  }

  /**
   * Runs an async script body (its last argument is the callback) and hands back what it passes to the callback.
   */
  public Object asyncScript(String js, Object... args) {
    return ((JavascriptExecutor) driver).executeAsyncScript(js, args);
  }

  /** Every title the page ever set, in order. */
  @SuppressWarnings("unchecked")
  public List<String> titles() {
    return (List<String>) script("return window.__titles.slice()");
  }

  /** Every notification the page made, as "title | body". */
  @SuppressWarnings("unchecked")
  public List<String> notifications() {
    List<Map<String, Object>> shown = (List<Map<String, Object>>) script("return window.__notifications.slice()");
    return shown.stream().map(n -> n.get("title") + " | " + n.get("body")).toList();
  }

  /** Drops the page's newest WebSocket, as a network cut would. */
  public void dropSocket() {
    script("window.__sockets.at(-1).close()");
  }

  public void setHidden(boolean hidden) {
    script("window.__setHidden(arguments[0])", hidden);
  }

  /** Saves a screenshot to {@code target/screenshots/console-<name>.png}, a test artefact. */
  public void screenshot(String name) {
    screenshotAs("console-" + name);
  }

  /** Saves a screenshot to {@code target/screenshots/<file>.png}. */
  public void screenshotAs(String file) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      Files.copy(shot, SCREENSHOTS.resolve(file + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core on the page as it is now: no serious or critical violation. */
  public void assertAccessible(String view) {
    List<Rule> violations = new AxeBuilder().analyze(driver).getViolations().stream()
        .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact())).toList();
    assertThat(violations).as(() -> view + ": " + violations.stream().map(r -> r.getId() + " (" + r.getImpact()
        + "): " + r.getHelp() + " at " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
        .collect(Collectors.joining(", "))).collect(Collectors.joining("; "))).isEmpty();
  }

  /** What the page logged, for failure messages. */
  public String logs() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString)
        .collect(Collectors.joining("\n"));
  }
}
