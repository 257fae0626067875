package fr.passerelle.visitor;

import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.QueueSnapshot;
import fr.passerelle.queue.QueueWatcher;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Tells one waiting visitor their place and estimated wait whenever either changes: listens to this node's
 * routing loop while the visitor waits, and sends a {@code queue} frame only when the numbers differ.
 */
final class PositionUpdates {
  private final QueueWatcher watcher;
  private final String sessionId;
  private final Consumer<JsonObject> send;
  private final Consumer<QueueSnapshot> listener = this::show;
  private volatile JsonObject last = new JsonObject(); // written on the routing loop's thread

  PositionUpdates(QueueWatcher watcher, String sessionId, Consumer<JsonObject> send) {
    this.watcher = watcher;
    this.sessionId = sessionId;
    this.send = send;
  }

  /** From now on, and at once. */
  void start() {
    last = new JsonObject();
    watcher.listen(listener);
    watcher.refresh();
  }

  void stop() {
    watcher.unlisten(listener);
  }

  private void show(QueueSnapshot snapshot) {
    snapshot.estimateFor(sessionId).ifPresent(estimate -> {
      JsonObject frame = ServerFrames.position(estimate.position(), estimate.etaSeconds());
      if (!frame.equals(last)) {
        last = frame;
        send.accept(frame);
      }
    });
  }
}
