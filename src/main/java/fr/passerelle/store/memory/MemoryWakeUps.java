package fr.passerelle.store.memory;

import fr.passerelle.store.WakeUps;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Wake-ups between the sockets of this JVM: enough for a single node. Each subscriber hears events on the context it
 * subscribed from. An event still on its way when its subscription is cancelled (a socket closing as a message for it
 * arrives) is dropped there, silently: the event bus, used before, logged each such drop with the channel, which
 * holds an id. Every method holds one lock.
 */
final class MemoryWakeUps implements WakeUps {

  private final Vertx vertx;
  private final Map<String, List<Subscriber>> byChannel = new HashMap<>();

  MemoryWakeUps(Vertx vertx) {
    this.vertx = vertx;
  }

  @Override
  public void publish(String channel, JsonObject event) {
    List<Subscriber> subscribers;
    synchronized (this) {
      subscribers = List.copyOf(byChannel.getOrDefault(channel, List.of()));
    }
    // Each gets its own copy, as from the event bus: a handler that changes its event changes no one else's.
    subscribers.forEach(subscriber -> subscriber.deliver(event.copy()));
  }

  @Override
  public synchronized Future<Subscription> subscribe(String channel, Handler<JsonObject> handler) {
    Subscriber subscriber = new Subscriber(channel, vertx.getOrCreateContext(), handler);
    byChannel.computeIfAbsent(channel, c -> new ArrayList<>()).add(subscriber);
    return Future.succeededFuture(subscriber);
  }

  private synchronized void remove(Subscriber subscriber) {
    List<Subscriber> subscribers = byChannel.get(subscriber.channel);
    if (subscribers != null && subscribers.remove(subscriber) && subscribers.isEmpty()) {
      byChannel.remove(subscriber.channel);
    }
  }

  /** One subscription: its handler runs on its context, and only while it is not cancelled. */
  private final class Subscriber implements Subscription {
    private final String channel;
    private final Context context;
    private final Handler<JsonObject> handler;
    private volatile boolean active = true;

    Subscriber(String channel, Context context, Handler<JsonObject> handler) {
      this.channel = channel;
      this.context = context;
      this.handler = handler;
    }

    void deliver(JsonObject event) {
      context.runOnContext(v -> {
        if (active) {
          handler.handle(event);
        }
      });
    }

    @Override
    public Future<Void> cancel() {
      active = false;
      remove(this);
      return Future.succeededFuture();
    }
  }
}
