package fr.passerelle.visitor;

import fr.passerelle.protocol.FrameSocket;
import fr.passerelle.protocol.ServerFrames;
import fr.passerelle.queue.QueueSnapshot;
import fr.passerelle.queue.QueueWatcher;
import io.vertx.core.json.JsonObject;
import java.util.function.Consumer;

/**
 * Tells one waiting visitor their place and estimated wait whenever either changes: listens to this node's
 * routing loop while the visitor waits, and sends a {@code queue} frame only when the numbers differ. Its state
 * lives on the socket's context, so no position can follow the frame that ended the wait.
 */
final class PositionUpdates {
  private final QueueWatcher watcher;
  private final String sessionId;
  private final FrameSocket socket;
  private final Consumer<QueueSnapshot> listener = this::show;
  private boolean active;
  private JsonObject last = new JsonObject();

  PositionUpdates(QueueWatcher watcher, String sessionId, FrameSocket socket) {
    this.watcher = watcher;
    this.sessionId = sessionId;
    this.socket = socket;
  }

  /** From now on, and at once; call on the socket's context. */
  void start() {
    active = true;
    last = new JsonObject();
    watcher.listen(listener);
    watcher.refresh();
  }

  /** Call on the socket's context. */
  void stop() {
    active = false;
    watcher.unlisten(listener);
  }

  /** Called on the routing loop's thread: computes there, decides and sends on the socket's. */
  private void show(QueueSnapshot snapshot) {
    snapshot.estimateFor(sessionId).ifPresent(estimate -> {
      JsonObject frame = ServerFrames.position(estimate.position(), estimate.etaSeconds());
      socket.onContext(() -> {
        if (active && !frame.equals(last)) {
          last = frame;
          socket.send(frame);
        }
      });
    });
  }
}
