package fr.passerelle.store;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;

/**
 * Small signals between nodes: "something changed on this channel". The store stays the source of truth; a
 * signal only tells a node holding the right socket to look. In memory a local call, on Redis PUBLISH.
 */
public interface WakeUps {

  void publish(String channel, JsonObject event);

  /** Delivers events on the caller's context until the returned subscription is cancelled. */
  Future<Subscription> subscribe(String channel, Handler<JsonObject> handler);

  /** A live subscription. */
  interface Subscription {
    Future<Void> cancel();
  }

  static String conversation(String id) {
    return "conversation:" + id;
  }

  static String session(String id) {
    return "session:" + id;
  }

  static String worker(String id) {
    return "worker:" + id;
  }

  String QUEUE = "queue";
}
