package fr.passerelle.protocol;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The WebSockets open on this node, by kind: counted as a metric, and told to reconnect at shutdown. */
public final class SocketRegistry {
  /** Gauge: open WebSockets; tag {@code kind} = visitor, worker, supervisor. */
  public static final String OPEN = "passerelle.websockets.open";
  /** Counter: error frames sent; tag {@code code}. */
  public static final String ERRORS = "passerelle.errors";

  private final MeterRegistry registry;
  private final Map<String, Set<FrameSocket>> open = new ConcurrentHashMap<>();
  private volatile boolean closing;

  public SocketRegistry(MeterRegistry registry) {
    this.registry = registry;
  }

  void add(FrameSocket socket) {
    open.computeIfAbsent(socket.kind(), kind -> {
      Set<FrameSocket> set = ConcurrentHashMap.newKeySet();
      Gauge.builder(OPEN, set, Set::size).tag("kind", kind).register(registry);
      return set;
    }).add(socket);
  }

  void remove(FrameSocket socket) {
    open.getOrDefault(socket.kind(), Set.of()).remove(socket);
  }

  void countError(String code) {
    registry.counter(ERRORS, "code", code).increment();
  }

  public boolean closing() {
    return closing;
  }

  public int count(String kind) {
    return open.getOrDefault(kind, Set.of()).size();
  }

  /** Graceful shutdown: every client is told to reconnect (to another node, or this one once restarted). */
  public Future<Void> closeAll(int retryAfterSeconds) {
    closing = true;
    List<Future<Void>> closed = new ArrayList<>();
    open.values().forEach(set -> set.forEach(s -> closed.add(s.shutdown(retryAfterSeconds))));
    return Future.join(closed).mapEmpty();
  }
}
