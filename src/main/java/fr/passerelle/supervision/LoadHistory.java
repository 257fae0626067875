package fr.passerelle.supervision;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The last hour of load, for the dashboard's charts: one {@link LoadSnapshot} per {@link #INTERVAL} window (the first
 * sample taken in it), in a ring of at most {@link #capacity()} entries. A snapshot holds counts only, so neither does
 * the history hold an id. Kept in this node's memory, and lost when it stops.
 */
public final class LoadHistory {
  public static final Duration INTERVAL = Duration.ofSeconds(10);
  public static final Duration SPAN = Duration.ofHours(1);

  private final Duration interval;
  private final Duration span;
  private final int capacity;
  private final Deque<LoadSnapshot> samples = new ArrayDeque<>();

  public LoadHistory() {
    this(INTERVAL, SPAN);
  }

  LoadHistory(Duration interval, Duration span) {
    this.interval = interval;
    this.span = span;
    this.capacity = (int) (span.toMillis() / interval.toMillis());
  }

  /** Keeps {@code snapshot} if it is the first of a new window; a late or same-window sample is dropped. */
  public synchronized void record(LoadSnapshot snapshot) {
    LoadSnapshot newest = samples.peekLast();
    if (newest != null && window(snapshot.at()) <= window(newest.at())) {
      return;
    }
    samples.addLast(snapshot);
    while (samples.size() > capacity) {
      samples.removeFirst();
    }
  }

  /** The samples of the last {@link #SPAN} before {@code now}, oldest first. */
  public synchronized List<LoadSnapshot> since(Instant now) {
    Instant from = now.minus(span);
    List<LoadSnapshot> recent = new ArrayList<>(samples.size());
    for (LoadSnapshot sample : samples) {
      if (sample.at().isAfter(from)) {
        recent.add(sample);
      }
    }
    return recent;
  }

  /** The {@code history} frame of docs/protocol.md section 5, without its {@code type}. */
  public JsonObject toJson(Instant now) {
    JsonArray array = new JsonArray();
    since(now).forEach(sample -> array.add(sample.toJson()));
    return new JsonObject().put("intervalSeconds", interval.toSeconds()).put("samples", array);
  }

  public int capacity() {
    return capacity;
  }

  private long window(Instant at) {
    return Math.floorDiv(at.toEpochMilli(), interval.toMillis());
  }
}
