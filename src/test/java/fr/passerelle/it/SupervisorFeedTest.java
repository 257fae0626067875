package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.client.FrameChannel;
import fr.passerelle.client.VisitorClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
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
  }
}
