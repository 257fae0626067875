package fr.passerelle.store.memory;

import fr.passerelle.store.WakeUps;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

/** Wake-ups on the local event bus: enough for a single node, where every socket is on this JVM. */
final class MemoryWakeUps implements WakeUps {

  private final Vertx vertx;

  MemoryWakeUps(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void publish(String channel, JsonObject event) {
    vertx.eventBus().publish(channel, event);
  }

  @Override
  public Future<Subscription> subscribe(String channel, Handler<JsonObject> handler) {
    // localConsumer binds to the calling context, so the handler runs where the subscriber lives.
    MessageConsumer<Object> consumer = vertx.eventBus().localConsumer(channel,
        message -> handler.handle((JsonObject) message.body()));
    Subscription subscription = consumer::unregister;
    return consumer.completion().map(subscription);
  }
}
