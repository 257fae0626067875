package fr.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class SmokeTest {
  @Test
  void vertxStarts(Vertx vertx, VertxTestContext ctx) {
    assertThat(vertx).isNotNull();
    ctx.completeNow();
  }
}
