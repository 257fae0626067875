package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import fr.passerelle.it.TestNode;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor dashboard (/supervisor/) in headless Chromium against a real node: the queue is built with the Java
 * reference clients, and the page must follow it live, in numbers, charts, colours and words.
 */
class SupervisorDashboardBrowserTest {
  private Browser browser;
  private TestNode node;
  private SupervisorPage page;

  @BeforeEach
  void start() {
    browser = Browser.start();
    node = browser.node();
    page = new SupervisorPage(browser);
  }

  @AfterEach
  void stop() {
    browser.close();
  }

  private static String entry(JsonObject queue, int index) {
    return queue.getJsonArray("entries").getJsonObject(index).getString("entry");
  }

  @Test
  void theFiguresFollowTheQueueLiveAndShowNoIdentifier() {
    page.open("en").logInLive("supervisor");
    assertThat(page.text("waiting-value")).isEqualTo("0");
    assertThat(page.text("alerts")).contains("Normal load: no threshold crossed.");

    VisitorClient romanian = node.visitor("ro", "fr");
    await(romanian.join(List.of("ro", "fr"), "a2V5"));
    VisitorClient french = node.visitor("fr");
    await(french.join(List.of("fr"), "a2V5"));
    VisitorClient english = node.visitor("en");
    await(english.join(List.of("en"), "a2V5"));
    page.waitForText("waiting-value", "3"::equals);
    assertThat(page.text("waiting-language")).contains("Romanian 1", "French 1", "English 1");
    assertThat(page.text("waiting-priority")).contains("Not flagged 3", "In danger 0");
    assertThat(page.text("alerts")).contains("Overload: nobody is available while visitors are waiting (waiting: 3).");

    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    page.waitForText("workers-detail", "Workers available: 1 of 1 online."::equals);
    JsonObject queue = await(ioana.queueWithAtLeast(2));
    await(ioana.accept(entry(queue, 0)));
    page.waitForText("conversations-value", "1"::equals);
    page.waitForText("waiting-value", "2"::equals);
    assertThat(page.text("capacity-value")).isEqualTo("50%");
    assertThat(page.text("capacity-detail")).isEqualTo("Conversations in progress: 1 for 2 slots of available workers.");
    assertThat(page.text("capacity-level")).isEqualTo("Normal");

    await(english.leave());
    page.waitForText("lost-value", "1"::equals);
    page.waitForText("waiting-value", "1"::equals);
    assertThat(page.text("lost-since")).startsWith("Since the server started: 1 abandoned");
    page.screenshot("supervisor-dashboard");

    String source = page.source();
    for (VisitorClient visitor : List.of(romanian, french, english)) {
      assertThat(source).doesNotContain(visitor.session()).doesNotContain(visitor.secret());
    }
    assertThat(page.storedItems()).as("tokens stay in memory").isZero();
    assertThat(page.cspViolations()).isEmpty();

    page.logOutAndWaitForTheForm();
  }

  @Test
  void theChartsDrawTheLastHourFromTheHistoryThenGrowLive() {
    FrameChannel feed = await(node.open("/ws/supervisor"));
    feed.send(new JsonObject().put("type", "auth").put("token", node.token("admin")));
    await(feed.next("ready"));
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "a2V5"));
    for (int window = 0; window < 6; window++) {
      node.clock().advance(Duration.ofSeconds(10));
      Instant now = node.clock().instant();
      await(feed.next(f -> "load".equals(f.getString("type")) && !Instant.parse(f.getString("at")).isBefore(now),
          Duration.ofSeconds(10)));
    }

    page.open("fr").logInLive("admin");
    for (String chart : List.of("waiting", "wait", "capacity", "workers", "lost")) {
      assertThat(page.chartPoints(chart)).as(chart + " points from the history").isGreaterThanOrEqualTo(7);
      assertThat(page.chart(chart).findElements(org.openqa.selenium.By.tagName("canvas"))).isNotEmpty();
    }
    assertThat(page.chart("waiting").getText()).contains("en attente : 1 maintenant");
    assertThat(page.chart("wait").getText()).contains("seuil de surcharge : 10 min");

    node.clock().advance(Duration.ofSeconds(10));
    int before = page.chartPoints("waiting");
    new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
        .until(d -> page.chartPoints("waiting") > before);
    page.screenshot("supervisor-charts-fr");
    assertThat(page.cspViolations()).as("uPlot under style-src 'self'").isEmpty();
  }

  @Test
  void crossingAThresholdShowsTheOverloadInColourAndInWords() {
    page.open("en").logInLive("supervisor");
    WorkerClient ioana = node.worker("ioana");
    await(ioana.available());
    VisitorClient first = node.visitor("ro");
    await(first.join(List.of("ro"), "a2V5"));
    VisitorClient second = node.visitor("ro");
    await(second.join(List.of("ro"), "a2V5"));
    JsonObject queue = await(ioana.queueWithAtLeast(2));
    await(ioana.accept(entry(queue, 0)));
    await(ioana.accept(entry(queue, 1)));

    page.waitForText("capacity-value", "100%"::equals);
    assertThat(page.text("capacity-level")).isEqualTo("Overload — above 80%");
    assertThat(page.attribute("tile-capacity", "data-level")).isEqualTo("overload");
    assertThat(page.css("tile-capacity", "border-top-color")).isEqualTo("rgba(200, 16, 46, 1)");
    assertThat(page.text("alerts")).contains("Overload: 100% of the available capacity is in use "
        + "(overload threshold: 80%).");

    VisitorClient waiting = node.visitor("fr");
    await(waiting.join(List.of("fr"), "a2V5"));
    node.clock().advance(Duration.ofMinutes(6));
    page.waitForText("wait-level", text -> text.startsWith("Warning"));
    assertThat(page.text("wait-level")).isEqualTo("Warning — above 5 min");
    assertThat(page.attribute("tile-wait", "data-level")).isEqualTo("warning");
    node.clock().advance(Duration.ofMinutes(5));
    page.waitForText("wait-level", text -> text.startsWith("Overload"));
    assertThat(page.text("wait-value")).startsWith("11 min");
    assertThat(page.text("wait-level")).isEqualTo("Overload — above 10 min");
    assertThat(page.css("tile-wait", "border-top-color")).isEqualTo("rgba(200, 16, 46, 1)");
    assertThat(page.text("alerts")).contains("Overload: the longest wait is 11 min");
    page.screenshot("supervisor-overload");
  }

  @Test
  void aWorkerIsRefusedAndSeesWhy() {
    page.open("en");
    page.logIn("camille");
    page.waitForText("login-error", text -> !text.isEmpty());
    assertThat(page.text("login-error")).isEqualTo("This dashboard is for supervisors and administrators only.");
    assertThat(page.visible("dashboard")).isFalse();
    assertThat(page.storedItems()).isZero();

    page.logIn("supervisor");
    page.waitForState("live");
    assertThat(page.visible("dashboard")).isTrue();
  }

  @Test
  void aLostConnectionIsSaidHonestlyAndTheDashboardComesBackByItself() {
    page.open("en").logInLive("supervisor");
    await(node.node().services().sockets().closeAll(2));
    page.waitForState("lost");
    assertThat(page.text("connection")).startsWith("The server is restarting (since ");
    assertThat(page.text("connection")).contains("the figures shown date from then");
    page.screenshot("supervisor-connection-lost");
    page.waitForState("live");
    assertThat(page.text("connection")).isEqualTo("Live: updated every second.");
  }

  @Test
  void anExpiredTokenIsRefreshedWhenTheDashboardReconnects() {
    page.open("en").logInLive("supervisor");
    node.clock().advance(Duration.ofMinutes(16)); // past auth.accessTokenTtl: the page's access token is dead
    await(node.node().services().sockets().closeAll(1));
    page.waitForState("lost");
    page.waitForState("live");
    assertThat(page.visible("dashboard")).isTrue();
    assertThat(page.text("login-error")).isEmpty();
    assertThat(node.node().services().registry().counter("passerelle.errors", "code", "token_expired").count())
        .as("the first reconnect was refused, the second came with a refreshed token").isEqualTo(1);
  }

  @Test
  void bothLanguagesRenderEveryStringAndPassAxe() {
    page.open("fr");
    page.screenshot("supervisor-login-fr");
    page.assertAccessible();
    assertThat(page.source()).doesNotContain("⟦");

    page.logInLive("supervisor");
    VisitorClient visitor = node.visitor("bg");
    await(visitor.join(List.of("bg"), "a2V5"));
    page.waitForText("waiting-value", "1"::equals);
    page.waitForText("alerts", text -> text.contains("Surcharge"));
    page.assertAccessible();
    assertThat(page.source()).doesNotContain("⟦");
    assertThat(page.text("waiting-language")).contains("bulgare 1");

    page.language("en");
    page.waitForText("alerts", text -> text.contains("Overload"));
    page.assertAccessible();
    assertThat(page.source()).doesNotContain("⟦");
    assertThat(page.text("waiting-language")).contains("Bulgarian 1");
    page.screenshot("supervisor-dashboard-en");
  }
}
