package fr.passerelle.supervision;

/** Names and tags of the load gauges published by {@link LoadSampler}; the queue's own metrics are in QueueMetrics. */
public final class SupervisionMetrics {
  public static final String QUEUE_LENGTH = "passerelle.queue.length";
  public static final String QUEUE_LONGEST_WAIT = "passerelle.queue.longest.wait";
  public static final String WORKERS_ONLINE = "passerelle.workers.online";
  public static final String WORKERS_AVAILABLE = "passerelle.workers.available";
  public static final String WORKERS_CAPACITY = "passerelle.workers.capacity";
  public static final String CONVERSATIONS_ACTIVE = "passerelle.conversations.active";
  public static final String TAG_LANGUAGE = "language";
  public static final String TAG_PRIORITY = "priority";
  public static final String TAG_KIND = "kind";
  public static final String KIND_TOTAL = "total";
  public static final String KIND_USED = "used";

  private SupervisionMetrics() {}
}
