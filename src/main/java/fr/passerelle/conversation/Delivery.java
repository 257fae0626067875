package fr.passerelle.conversation;

import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.store.WakeUps;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Delivers one conversation's envelopes to one socket, in order, from the store: on attach everything not yet
 * acknowledged, then whatever each wake-up announces. Other events on the channel go to {@code onEvent}.
 * Pulls never overlap, so nothing is sent twice by this socket and nothing is skipped.
 */
public final class Delivery {
  private final ConversationStore store;
  private final WakeUps wakeUps;
  private final String conversationId;
  private final Party to;
  private final Consumer<JsonObject> send;
  private WakeUps.Subscription subscription;
  private long delivered;
  private long resyncFrom = -1;
  private boolean pulling;
  private Promise<Void> idle = Promise.promise();
  private boolean again;
  private boolean detached;

  public Delivery(ConversationStore store, WakeUps wakeUps, String conversationId, Party to,
      Consumer<JsonObject> send) {
    this.store = store;
    this.wakeUps = wakeUps;
    this.conversationId = conversationId;
    this.to = to;
    this.send = send;
  }

  public String conversationId() {
    return conversationId;
  }

  public Future<Void> attach(Handler<JsonObject> onEvent) {
    return wakeUps.subscribe(WakeUps.conversation(conversationId), event -> {
      if ("envelope".equals(event.getString("type"))) {
        if (!to.wire().equals(event.getString("from"))) {
          pull();
        }
      } else if (!detached) {
        onEvent.handle(event);
      }
    }).map(s -> {
      subscription = s;
      if (detached) {
        s.cancel();
      }
      pull();
      return null;
    });
  }

  /** The client has processed everything up to {@code after}: deliver from there again. */
  public void syncFrom(long after) {
    resyncFrom = after; // applied by the next pass, so a pass in flight cannot undo it
    pull();
  }

  /**
   * Delivers what is stored beyond what this socket already sent. Completes once everything stored before the
   * call has been sent, even when a pass was already running (the call then waits for the extra pass it asked for).
   */
  public Future<Void> pull() {
    if (pulling) {
      again = true;
      return idle.future();
    }
    pulling = true;
    idle = Promise.promise();
    pass(idle);
    return idle.future();
  }

  private void pass(Promise<Void> done) {
    if (resyncFrom >= 0) {
      delivered = resyncFrom;
      resyncFrom = -1;
    }
    store.after(conversationId, to, delivered).onComplete(result -> {
      if (result.succeeded()) {
        for (Envelope e : result.result()) {
          if (!detached && e.seq() > delivered) {
            send.accept(ServerFrames.envelope(conversationId, e));
            delivered = e.seq();
          }
        }
      }
      if (again && !detached) {
        again = false;
        pass(done);
        return;
      }
      pulling = false;
      again = false;
      if (result.succeeded()) {
        done.tryComplete();
      } else {
        done.tryFail(result.cause());
      }
    });
  }

  public Future<Void> detach() {
    detached = true;
    return subscription == null ? Future.succeededFuture() : subscription.cancel();
  }
}
