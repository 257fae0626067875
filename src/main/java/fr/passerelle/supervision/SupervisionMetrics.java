package fr.passerelle.supervision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Names and tags of the load metrics. The gauges are published by {@link LoadSampler}; the queue feature records the
 * wait timer, abandonment and offer counters through the builders below so the supervisor feed finds them.
 */
public final class SupervisionMetrics {
  public static final String QUEUE_LENGTH = "passerelle.queue.length";
  public static final String QUEUE_LONGEST_WAIT = "passerelle.queue.longest.wait";
  public static final String WORKERS_ONLINE = "passerelle.workers.online";
  public static final String WORKERS_AVAILABLE = "passerelle.workers.available";
  public static final String WORKERS_CAPACITY = "passerelle.workers.capacity";
  public static final String CONVERSATIONS_ACTIVE = "passerelle.conversations.active";
  public static final String QUEUE_ABANDONED = "passerelle.queue.abandoned";
  public static final String QUEUE_WAIT = "passerelle.queue.wait";
  public static final String QUEUE_OFFERS = "passerelle.queue.offers";

  public static final String TAG_LANGUAGE = "language";
  public static final String TAG_PRIORITY = "priority";
  public static final String TAG_KIND = "kind";
  public static final String KIND_TOTAL = "total";
  public static final String KIND_USED = "used";
  public static final String TAG_OUTCOME = "outcome";
  public static final String OUTCOME_ACCEPTED = "accepted";
  public static final String OUTCOME_DECLINED = "declined";
  public static final String OUTCOME_TIMEOUT = "timeout";

  private SupervisionMetrics() {}

  /** Time from joining the queue to being taken; publishes the median and 90th percentile the dashboard shows. */
  public static Timer queueWait(MeterRegistry registry) {
    return Timer.builder(QUEUE_WAIT)
        .description("Time a visitor waited before a worker took them")
        .publishPercentiles(0.5, 0.9)
        .register(registry);
  }

  /** Visitors who left the queue (or quick-exited) before being taken. */
  public static Counter abandoned(MeterRegistry registry) {
    return Counter.builder(QUEUE_ABANDONED).description("Visitors who left before being taken").register(registry);
  }

  /** Push offers by outcome: {@value #OUTCOME_ACCEPTED}, {@value #OUTCOME_DECLINED} or {@value #OUTCOME_TIMEOUT}. */
  public static Counter offers(MeterRegistry registry, String outcome) {
    return Counter.builder(QUEUE_OFFERS).tag(TAG_OUTCOME, outcome).description("Offers to workers by outcome")
        .register(registry);
  }
}
