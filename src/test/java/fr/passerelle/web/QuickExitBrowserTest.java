package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.SecureWorker;
import fr.passerelle.it.TestNode;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.store.Stores;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * The quick exit, as a visitor who is watched would use it: the page is gone at once, the server holds nothing of
 * the session any more, Back does not lead to the widget, and the browser keeps nothing of it.
 */
class QuickExitBrowserTest extends OneWidgetWorldPerClass {
  @Test
  void escapeTwiceInAConversationErasesItOnTheServerAndLeavesNoWayBack() {
    WidgetPage page = arriveFromAnotherPage();
    page.start();
    String session = waitingSession();
    SecureWorker camille = world.worker("camille", "Camille");
    await(camille.client().available());
    String conversation = await(camille.accept(WidgetWorld.waitingEntry(camille), "Bonjour."));
    page.awaitWorkerMessage("Bonjour.");
    page.send("Quelqu'un regarde mon téléphone.");
    assertThat(await(camille.nextMessage()).text()).isEqualTo("Quelqu'un regarde mon téléphone.");
    await(camille.send(conversation, "Je comprends."));
    page.awaitWorkerMessage("Je comprends.");

    new Actions(page.driver()).sendKeys(Keys.ESCAPE).sendKeys(Keys.ESCAPE).perform();

    page.until(() -> page.driver().getCurrentUrl().endsWith(WidgetWorld.NEUTRAL), "the neutral page");
    JsonObject left = await(camille.client().channel().next("visitor-left"));
    assertThat(left.fieldNames()).containsExactlyInAnyOrder("type", "conversation");
    Stores stores = world.node().node().services().stores();
    assertThat(await(stores.sessions().find(session, Instant.now()))).isEmpty();
    assertThat(await(stores.conversations().find(conversation))).isEmpty();
    assertThat(await(stores.queue().findBySession(session))).isEmpty();
    assertNothingStoredInTheBrowser(page);
    page.screenshot("quick-exit-neutral-page");

    page.driver().navigate().back();
    page.until(() -> page.driver().getCurrentUrl().endsWith("/test/start.html"), "the page before the widget");
    await(camille.client().channel().close());
  }

  @Test
  void theButtonInTheQueueErasesTheSessionAndReplacesThePage() {
    WidgetPage page = arriveFromAnotherPage();
    page.start();
    String session = waitingSession();

    page.click(".exit-button");

    page.until(() -> page.driver().getCurrentUrl().endsWith(WidgetWorld.NEUTRAL), "the neutral page");
    Stores stores = world.node().node().services().stores();
    TestNode.eventually(() -> await(stores.queue().waiting()).isEmpty());
    assertThat(await(stores.sessions().find(session, Instant.now()))).isEmpty();
    assertNothingStoredInTheBrowser(page);
    page.driver().navigate().back();
    page.until(() -> page.driver().getCurrentUrl().endsWith("/test/start.html"), "the page before the widget");
  }

  /** The visitor came from another page, so that Back has somewhere to go. */
  private static WidgetPage arriveFromAnotherPage() {
    world.page.driver().get(world.origin() + "/test/start.html");
    return world.page.open(world.demoUrl());
  }

  private static String waitingSession() {
    List<QueueEntry> waiting = await(world.node().node().services().stores().queue().waiting());
    assertThat(waiting).hasSize(1);
    return waiting.get(0).sessionId();
  }

  /** Storage of the origin the widget ran on, read from the neutral page, which has the same origin here. */
  private static void assertNothingStoredInTheBrowser(WidgetPage page) {
    Object stored = page.driver().executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        Promise.all([indexedDB.databases(), caches.keys()]).then(([databases, cacheNames]) => done({
          localStorage: localStorage.length, sessionStorage: sessionStorage.length, cookies: document.cookie,
          indexedDB: databases.length, caches: cacheNames.length, title: document.title}));
        """);
    assertThat(stored).isEqualTo(Map.of("localStorage", 0L, "sessionStorage", 0L, "cookies", "", "indexedDB", 0L,
        "caches", 0L, "title", "Météo du jour"));
  }
}
