package fr.passerelle.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.reference.ApiReference;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The API reference page /api-docs/ in headless Chromium: swagger-ui from its WebJar draws every operation of the
 * OpenAPI document this node serves, under the page's Content-Security-Policy, with no violation.
 */
class ApiDocsBrowserTest extends OneBrowserPerClass {
  private static final Duration WAIT = Duration.ofSeconds(30);
  // Installed before any script of the page runs, so that no violation goes unnoticed.
  private static final String WATCH_CSP = """
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation',
        (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
      """;

  @Test
  void everyOperationOfTheDocumentIsDrawnWithoutBreakingThePolicy() {
    ChromeDriver driver = browser.driver();
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_CSP));
    int operations = operations(ApiReference.load().document());

    driver.get(browser.origin() + "/api-docs/");
    new WebDriverWait(driver, WAIT).withMessage(() -> "swagger-ui drew " + driver.findElements(By.cssSelector(
        ".opblock")).size() + " of " + operations + " operations").until(d -> d.findElement(By.tagName("body"))
        .getAttribute("data-ready") != null && d.findElements(By.cssSelector(".opblock")).size() == operations);

    assertThat(driver.findElement(By.cssSelector(".info .title")).getText()).contains("Passerelle public API");
    WebElement createSession = driver.findElement(By.cssSelector(".opblock-post [data-path='/api/v1/sessions']"));
    assertThat(createSession.getText()).isEqualTo("/api/v1/sessions");
    createSession.click();
    new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.cssSelector(".opblock.is-open")).getText()
        .contains("Creates an anonymous visitor session"));
    assertThat(driver.findElement(By.cssSelector(".opblock.is-open")).getText()).contains("201", "429");
    assertThat((List<?>) driver.executeScript("return window.cspViolations")).isEmpty();
    assertThat(driver.executeScript("return window.origin")).as("sandboxed: none of this origin's rights")
        .isEqualTo("null");
    assertThat(driver.findElements(By.cssSelector(".try-out__btn"))).as("read-only").isEmpty();
  }

  private static int operations(JsonObject document) {
    List<String> methods = List.of("get", "put", "post", "delete", "patch", "options", "head");
    return document.getJsonObject("paths").stream().mapToInt(path -> (int) ((JsonObject) path.getValue())
        .fieldNames().stream().filter(methods::contains).count()).sum();
  }
}
