package fr.passerelle.worker;

import java.util.concurrent.ConcurrentHashMap;

/** How many sockets each worker has open on this node, so the last one to close takes them offline. */
public final class WorkerSockets {
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

  void add(String workerId) {
    open.merge(workerId, 1, Integer::sum);
  }

  /** True when this was the worker's last socket on this node. */
  boolean remove(String workerId) {
    return open.compute(workerId, (id, n) -> n == null || n <= 1 ? null : n - 1) == null;
  }
}
