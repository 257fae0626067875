package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The visitor widget on a page in Chromium, seen and driven as a visitor would, through its shadow root. */
final class WidgetPage {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Set<String> BLOCKING = Set.of("serious", "critical");

  private final ChromeDriver driver;

  WidgetPage(ChromeDriver driver) {
    this.driver = driver;
  }

  /** Opens {@code url} and waits for the widget to show its first screen. */
  WidgetPage open(String url) {
    driver.get(url);
    awaitPhase("intro");
    until(() -> !findAll(".service").isEmpty(), "the service description");
    return this;
  }

  ChromeDriver driver() {
    return driver;
  }

  SearchContext shadow() {
    return driver.findElement(By.cssSelector(".passerelle-widget")).getShadowRoot();
  }

  WebElement find(String css) {
    return shadow().findElement(By.cssSelector(css));
  }

  List<WebElement> findAll(String css) {
    return shadow().findElements(By.cssSelector(css));
  }

  /** The widget's phase, or "" while it is not drawn (or being redrawn). */
  String phase() {
    Object phase = script("return document.querySelector('.passerelle-widget')?.shadowRoot"
        + "?.querySelector('.widget')?.dataset.phase ?? ''");
    return String.valueOf(phase);
  }

  void awaitPhase(String phase) {
    until(() -> phase.equals(phase()), "phase " + phase + " (now " + phase() + ")");
  }

  /** Everything the widget shows, as WebDriver reads text: no-break spaces read as spaces. */
  String text() {
    return textOf(".widget");
  }

  void awaitText(String text) {
    until(() -> text().contains(plain(text)), "text \"" + text + "\" in the widget");
  }

  /** A translation as {@link #text} reads it: French puts no-break spaces before its colons. */
  static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  /** The text of an element, read again if the widget redrew it meanwhile. */
  String textOf(String css) {
    for (int attempt = 0; ; attempt++) {
      try {
        return find(css).getText();
      } catch (org.openqa.selenium.StaleElementReferenceException e) {
        if (attempt == 5) {
          throw e;
        }
      }
    }
  }

  void click(String css) {
    until(() -> {
      find(css).click();
      return true;
    }, "a click on " + css);
  }

  void selectLanguage(String language) {
    until(() -> {
      new Select(find("#pw-language")).selectByValue(language);
      return true;
    }, "the language menu");
    until(() -> language.equals(find(".widget").getDomAttribute("lang").replace("zh-Hans", "zh")),
        "language " + language);
  }

  void start() {
    click(".start");
    awaitPhase("waiting");
  }

  /** Types a message and sends it with the Send button. */
  void send(String text) {
    WebElement input = find("#pw-message");
    input.sendKeys(text);
    click(".composer button[type=submit]");
  }

  /** The delivery state of the visitor's message with this text, as the widget marks it. */
  String stateOf(String text) {
    return findAll(".message.me").stream().filter(m -> m.findElement(By.cssSelector(".text")).getText().equals(text))
        .map(m -> m.getDomAttribute("data-state")).findFirst().orElse("");
  }

  void awaitWorkerMessage(String text) {
    until(() -> findAll(".message.worker .text").stream().anyMatch(e -> e.getText().equals(text)),
        "worker message \"" + text + "\"");
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Saves what a phone shows with the widget scrolled into view ({@code <name>-screen.png}) and the whole widget
   * ({@code <name>.png}) under {@code target/screenshots/}.
   */
  void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      List<WebElement> hosts = driver.findElements(By.cssSelector(".passerelle-widget"));
      if (hosts.isEmpty()) {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        return;
      }
      script("arguments[0].scrollIntoView({block: 'start'})", hosts.get(0));
      Files.write(SCREENSHOTS.resolve(name + "-screen.png"), driver.getScreenshotAs(OutputType.BYTES));
      // The whole widget: the window grows to the page's height for one element screenshot.
      Dimension phone = driver.manage().window().getSize();
      long height = (Long) script("return Math.ceil(document.documentElement.scrollHeight)");
      int tall = (int) Math.max(phone.getHeight(), height + 200);
      driver.manage().window().setSize(new Dimension(phone.getWidth(), tall));
      try {
        Files.write(SCREENSHOTS.resolve(name + ".png"), hosts.get(0).getScreenshotAs(OutputType.BYTES));
      } finally {
        driver.manage().window().setSize(phone);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core on the whole page, shadow root included: no serious or critical violation. */
  void assertAccessible(String label) {
    Results results = new AxeBuilder().analyze(driver);
    assertThat(results.isErrored()).as(label + ": axe ran").isFalse();
    List<Rule> blocking = results.getViolations().stream().filter(r -> BLOCKING.contains(r.getImpact())).toList();
    assertThat(blocking).as(label + ": serious or critical violations: " + blocking.stream()
        .map(r -> r.getId() + " " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget()))
            .collect(Collectors.joining(", ")))
        .collect(Collectors.joining("; "))).isEmpty();
  }

  void until(java.util.function.BooleanSupplier condition, String what) {
    new WebDriverWait(driver, WAIT).withMessage(what).until(d -> {
      try {
        return condition.getAsBoolean();
      } catch (org.openqa.selenium.StaleElementReferenceException
          | org.openqa.selenium.NoSuchElementException
          | org.openqa.selenium.NoSuchShadowRootException e) {
        return false;
      }
    });
  }
}
