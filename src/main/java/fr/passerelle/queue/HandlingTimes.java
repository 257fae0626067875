package fr.passerelle.queue;

import java.time.Duration;
import java.util.ArrayDeque;

/** The mean duration of the most recent conversations on this node, with a prior until enough are measured. */
public final class HandlingTimes {
  private static final int WINDOW = 50;

  private final Duration prior;
  private final ArrayDeque<Long> recentMillis = new ArrayDeque<>();
  private long sumMillis;

  public HandlingTimes(Duration prior) {
    this.prior = prior;
  }

  public synchronized void record(Duration handled) {
    recentMillis.addLast(handled.toMillis());
    sumMillis += handled.toMillis();
    if (recentMillis.size() > WINDOW) {
      sumMillis -= recentMillis.removeFirst();
    }
  }

  /**
   * The prior counts as one observation among the measured ones, so that a few very short conversations
   * (a visitor who left at once) do not make the estimate promise a wait shorter than is realistic.
   */
  public synchronized Duration mean() {
    return Duration.ofMillis((sumMillis + prior.toMillis()) / (recentMillis.size() + 1));
  }
}
