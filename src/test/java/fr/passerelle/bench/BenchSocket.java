package fr.passerelle.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A lean frame socket for benchmarks: frames go to one-shot waiters first, then to a handler, and are otherwise
 * dropped. Unlike the reference client's {@code FrameChannel} it keeps no inbox, so a waiter must be registered
 * before the frame that triggers its answer is sent.
 */
final class BenchSocket {
  private final Vertx vertx;
  private final WebSocket ws;
  private final List<Waiter> waiters = new ArrayList<>();
  private volatile Consumer<JsonObject> handler = frame -> { };

  private record Waiter(Predicate<JsonObject> match, Promise<JsonObject> promise) {}

  private BenchSocket(Vertx vertx, WebSocket ws) {
    this.vertx = vertx;
    this.ws = ws;
    ws.textMessageHandler(text -> receive(new JsonObject(text)));
  }

  static Future<BenchSocket> open(Vertx vertx, WebSocketClient client, int port, String path) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(path);
    return client.connect(options).map(ws -> new BenchSocket(vertx, ws));
  }

  void send(JsonObject frame) {
    ws.writeTextMessage(frame.encode());
  }

  /** Sends {@code frame}, then completes with the first frame of type {@code reply}; an error frame fails it. */
  Future<JsonObject> request(JsonObject frame, String reply) {
    Future<JsonObject> answer = next(f -> reply.equals(f.getString("type")) || "error".equals(f.getString("type")))
        .compose(f -> "error".equals(f.getString("type"))
            ? Future.failedFuture(new IllegalStateException("error frame: " + f.encode()))
            : Future.succeededFuture(f));
    send(frame);
    return answer;
  }

  /** The next frame matching {@code match}, received after this call; fails after 30 s. */
  synchronized Future<JsonObject> next(Predicate<JsonObject> match) {
    Promise<JsonObject> promise = Promise.promise();
    Waiter waiter = new Waiter(match, promise);
    waiters.add(waiter);
    long timer = vertx.setTimer(30_000, id -> {
      synchronized (this) {
        waiters.remove(waiter);
      }
      promise.tryFail(new TimeoutException("no matching frame within 30 s"));
    });
    return promise.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  /** Receives every frame no waiter takes, on this socket's event loop. */
  void onFrame(Consumer<JsonObject> handler) {
    this.handler = handler;
  }

  private void receive(JsonObject frame) {
    synchronized (this) {
      for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
        Waiter w = it.next();
        if (w.match().test(frame)) {
          it.remove();
          w.promise().tryComplete(frame);
          return;
        }
      }
    }
    handler.accept(frame);
  }

  Future<Void> close() {
    return ws.close();
  }
}
