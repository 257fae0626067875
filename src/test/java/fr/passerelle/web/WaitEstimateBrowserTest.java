package fr.passerelle.web;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.VisitorClient;
import io.vertx.core.json.JsonObject;
import fr.passerelle.client.WorkerClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wait the widget shows is the server's estimate, updated live: minutes when the server gives minutes, and the
 * suggestion to write a message only once the wait reaches a quarter of an hour.
 */
class WaitEstimateBrowserTest {
  private static final String KEY = "a2V5LW9mLWEtamF2YS12aXNpdG9y";
  private static WidgetWorld world;

  @BeforeAll
  static void start() {
    world = WidgetWorld.start(Map.of());
  }

  @AfterAll
  static void stop() {
    world.close();
  }

  @Test
  void theWidgetShowsTheServersEstimateAsItChanges() {
    // Camille (3 slots) is busy with three visitors, and two more wait before ours.
    WorkerClient camille = world.node().worker("camille");
    await(camille.available());
    for (int i = 0; i < 3; i++) {
      await(world.node().visitor("en").join(List.of("en"), KEY));
    }
    for (Object entry : await(camille.queueWithAtLeast(3)).getJsonArray("entries")) {
      await(camille.accept(((JsonObject) entry).getString("entry")));
    }
    List<VisitorClient> ahead = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      VisitorClient waiting = world.node().visitor("en");
      await(waiting.join(List.of("en"), KEY));
      ahead.add(waiting);
    }

    WidgetPage page = world.page.open(world.demoUrl());
    page.selectLanguage("en");
    page.start();
    // (2 ahead - 0 free + 1) x 15 min (the default handling time) / 3 slots = 15 min: long enough to suggest writing.
    page.awaitText("Your place in the queue: 3");
    page.awaitText("Estimated wait: about 15 min.");
    assertThat(page.text()).contains("You can already write your message.");
    page.screenshot("queue-long-wait-en");

    await(ahead.get(0).leave());
    page.awaitText("Your place in the queue: 2");
    page.awaitText("Estimated wait: about 10 min.");
    assertThat(page.text()).doesNotContain("You can already write your message.");
    page.assertAccessible("en queue with an estimate");
  }
}
