package fr.passerelle.client;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * A client WebSocket speaking JSON frames: frames received are kept in arrival order until someone asks for
 * them with {@link #next}, so a caller never misses a frame that arrived before it asked.
 */
public final class FrameChannel {
  private final Vertx vertx;
  private final WebSocket ws;
  private final ArrayDeque<JsonObject> inbox = new ArrayDeque<>();
  private final List<Waiter> waiters = new ArrayList<>();
  private final Promise<Short> closed = Promise.promise();

  private record Waiter(Predicate<JsonObject> match, Promise<JsonObject> promise) {}

  FrameChannel(Vertx vertx, WebSocket ws) {
    this.vertx = vertx;
    this.ws = ws;
    ws.textMessageHandler(text -> vertx.runOnContext(v -> receive(new JsonObject(text))));
    ws.closeHandler(v -> vertx.runOnContext(x -> closed.tryComplete(ws.closeStatusCode())));
  }

  public Future<Void> send(JsonObject frame) {
    return ws.writeTextMessage(frame.encode());
  }

  public Future<Void> sendText(String text) {
    return ws.writeTextMessage(text);
  }

  /** The first frame, received or to come, of the given type (an error frame fails the future instead). */
  public Future<JsonObject> next(String type) {
    return next(f -> type.equals(f.getString("type")) || "error".equals(f.getString("type")), Duration.ofSeconds(10))
        .compose(f -> "error".equals(f.getString("type")) && !"error".equals(type)
            ? Future.failedFuture(new FrameError(f)) : Future.succeededFuture(f));
  }

  /** The first frame matching {@code match}; it is removed from the inbox, frames before it stay. */
  public synchronized Future<JsonObject> next(Predicate<JsonObject> match, Duration timeout) {
    for (Iterator<JsonObject> it = inbox.iterator(); it.hasNext(); ) {
      JsonObject frame = it.next();
      if (match.test(frame)) {
        it.remove();
        return Future.succeededFuture(frame);
      }
    }
    Promise<JsonObject> promise = Promise.promise();
    Waiter waiter = new Waiter(match, promise);
    waiters.add(waiter);
    long timer = vertx.setTimer(timeout.toMillis(), id -> {
      synchronized (this) {
        waiters.remove(waiter);
      }
      promise.tryFail(new TimeoutException("no matching frame within " + timeout));
    });
    return promise.future().onComplete(r -> vertx.cancelTimer(timer));
  }

  private synchronized void receive(JsonObject frame) {
    for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
      Waiter w = it.next();
      if (w.match().test(frame)) {
        it.remove();
        w.promise().tryComplete(frame);
        return;
      }
    }
    inbox.add(frame);
  }

  /** Frames received and not yet taken, in order. */
  public synchronized List<JsonObject> pending() {
    return List.copyOf(inbox);
  }

  /** Completes with the close status code when the server closes the socket. */
  public Future<Short> closed() {
    return closed.future();
  }

  public Future<Void> close() {
    return ws.close();
  }

  /** An error frame received where another frame was expected. */
  public static final class FrameError extends RuntimeException {
    private final JsonObject frame;

    public FrameError(JsonObject frame) {
      super(frame.getString("code") + ": " + frame.getString("message"), null, false, false);
      this.frame = frame;
    }

    public String code() {
      return frame.getString("code");
    }

    public JsonObject frame() {
      return frame;
    }
  }
}
