package fr.passerelle.queue;

/** Metric names of the queue, declared once. */
public final class QueueMetrics {
  /** Timer: from joining the queue to being taken by a worker; tag {@code language} (the first chosen). */
  public static final String WAIT = "passerelle.queue.wait";
  /** Counter: visitors who left before being taken; tag {@code reason} = left, erased, expired. */
  public static final String ABANDONED = "passerelle.queue.abandoned";
  /** Counter: visitors who joined; tag {@code language}. */
  public static final String JOINED = "passerelle.queue.joined";
  /** Counter: push offers; tag {@code outcome} = made, accepted, declined, timeout. */
  public static final String OFFERS = "passerelle.queue.offers";

  private QueueMetrics() {}
}
