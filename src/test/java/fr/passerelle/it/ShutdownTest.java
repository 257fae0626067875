package fr.passerelle.it;

import static fr.passerelle.it.TestNode.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.client.VisitorClient;
import fr.passerelle.client.WorkerClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ShutdownTest {

  @Test
  void stoppingTellsEveryClientToReconnectAndStopsAcceptingConnections(Vertx vertx) {
    TestNode node = TestNode.start(vertx);
    VisitorClient visitor = node.visitor("fr");
    await(visitor.join(List.of("fr"), "a2V5"));
    WorkerClient worker = node.worker("camille");
    int port = node.port();

    await(node.node().stop());

    JsonObject toVisitor = await(visitor.channel().next("shutdown"));
    assertThat(toVisitor.getInteger("retryAfterSeconds")).isPositive();
    assertThat(await(worker.channel().next("shutdown")).getInteger("retryAfterSeconds")).isPositive();
    assertThat(await(visitor.channel().closed())).isEqualTo((short) 1012);
    assertThat(await(worker.channel().closed())).isEqualTo((short) 1012);
    assertThatThrownBy(() -> await(node.open("/ws/visitor")))
        .isInstanceOf(RuntimeException.class);
  }
}
