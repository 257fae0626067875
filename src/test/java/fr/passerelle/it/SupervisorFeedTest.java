package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.VisitorClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SupervisorFeedTest {
  private TestNode node;
  private Vertx vertx;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.start(vertx);
  }

  @AfterEach
  void stop() {
    node.close();
  }

  private FrameChannel feed(String username) {
    FrameChannel channel = await(node.open("/ws/supervisor"));
    channel.send(new JsonObject().put("type", "auth").put("token", node.token(username)));
    return channel;
  }

  @Test
  void aSupervisorSeesTheLiveLoadAsCountsOnly() {
    FrameChannel feed = feed("supervisor");
    assertThat(await(feed.next("ready")).getString("role")).isEqualTo("supervisor");
    VisitorClient visitor = node.visitor("ro");
    await(visitor.join(List.of("ro"), "a2V5"));
    await(node.worker("ioana").available());

    JsonObject load = await(feed.next(f -> "load".equals(f.getString("type")) && f.getInteger("waiting") == 1
        && f.getInteger("workersAvailable") == 1, Duration.ofSeconds(10)));
    assertThat(load.getJsonObject("waitingByLanguage").getInteger("ro")).isEqualTo(1);
    assertThat(load.getInteger("capacityTotal")).isEqualTo(2);
    assertThat(load.encode()).doesNotContain(visitor.session()).doesNotContain("a2V5");
  }

  @Test
  void aWorkerCannotOpenTheSupervisorFeed() {
    FrameChannel feed = feed("camille");
    assertThat(await(feed.next("error")).getString("code")).isEqualTo("forbidden");
    assertThat(await(feed.closed())).isEqualTo((short) 1008);
    assertThat(feed.pending()).as("no history, no load").isEmpty();
  }

  @Test
  void aNewDashboardGetsTheLastHourRightAfterReadyOneSampleEveryTenSeconds() {
    FrameChannel watching = feed("supervisor");
    await(watching.next("ready"));
    VisitorClient visitor = node.visitor("ro");
    await(visitor.join(List.of("ro"), "a2V5"));
    for (int window = 0; window < 3; window++) {
      nextWindow(watching);
    }
    await(visitor.leave());
    nextWindow(watching);

    FrameChannel dashboard = feed("admin");
    await(dashboard.next("ready"));
    JsonObject history = await(dashboard.next(f -> true, Duration.ofSeconds(10)));
    assertThat(history.getString("type")).isEqualTo("history");
    assertThat(history.getInteger("intervalSeconds")).isEqualTo(10);
    List<JsonObject> samples = history.getJsonArray("samples").stream().map(JsonObject.class::cast).toList();
    assertThat(samples).extracting(s -> s.getInteger("waiting")).containsExactly(0, 1, 1, 1, 0);
    assertThat(samples.get(4).getLong("abandoned")).isEqualTo(1);
    for (int i = 1; i < samples.size(); i++) {
      assertThat(Duration.between(at(samples.get(i - 1)), at(samples.get(i)))).isEqualTo(Duration.ofSeconds(10));
    }
    JsonObject load = await(dashboard.next(f -> true, Duration.ofSeconds(10)));
    assertThat(load.getString("type")).isEqualTo("load");
    Set<String> loadFields = new HashSet<>(load.fieldNames());
    loadFields.remove("type");
    assertThat(samples.get(1).fieldNames()).as("each sample is a load frame").isEqualTo(loadFields);
    assertThat(history.encode()).doesNotContain(visitor.session()).doesNotContain("a2V5");
  }

  @Test
  void theHistoryForgetsWhatIsOlderThanAnHour() {
    FrameChannel watching = feed("supervisor");
    await(watching.next("ready"));
    nextWindow(watching);
    node.clock().advance(Duration.ofMinutes(61));
    Instant now = nextWindow(watching);

    FrameChannel dashboard = feed("supervisor");
    await(dashboard.next("ready"));
    JsonObject history = await(dashboard.next("history"));
    assertThat(history.getJsonArray("samples")).hasSize(1);
    assertThat(at(history.getJsonArray("samples").getJsonObject(0))).isEqualTo(now);
  }

  /** Moves the node's clock into the next 10-second window and waits until the feed has sampled it. */
  private Instant nextWindow(FrameChannel feed) {
    node.clock().advance(Duration.ofSeconds(10));
    Instant now = node.clock().instant();
    await(feed.next(f -> "load".equals(f.getString("type")) && !at(f).isBefore(now), Duration.ofSeconds(10)));
    return now;
  }

  private static Instant at(JsonObject sample) {
    return Instant.parse(sample.getString("at"));
  }
}
