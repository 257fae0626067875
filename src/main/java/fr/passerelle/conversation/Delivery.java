package fr.passerelle.conversation;

import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.store.WakeUps;
import io.vertx.core.Future;
import io.vertx.core.Handler;
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
  private boolean pulling;
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
    delivered = after;
    pull();
  }

  /** Delivers what is stored beyond what this socket already sent. */
  public Future<Void> pull() {
    if (pulling) {
      again = true;
      return Future.succeededFuture();
    }
    pulling = true;
    return store.after(conversationId, to, delivered).map(envelopes -> {
      for (Envelope e : envelopes) {
        if (!detached && e.seq() > delivered) {
          send.accept(ServerFrames.envelope(conversationId, e));
          delivered = e.seq();
        }
      }
      return (Void) null;
    }).eventually(() -> {
      pulling = false;
      if (again && !detached) {
        again = false;
        return pull();
      }
      return Future.succeededFuture();
    });
  }

  public Future<Void> detach() {
    detached = true;
    return subscription == null ? Future.succeededFuture() : subscription.cancel();
  }
}
