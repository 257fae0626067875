package fr.passerelle.queue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** Metrics of the queue, declared once: recorded here, read by the supervision feed. */
public final class QueueMetrics {
  /**
   * Timer: from joining the queue to being taken by a worker. Publishes its median and 90th percentile (for the
   * dashboard of this node) and a histogram (for percentiles across nodes in Prometheus).
   */
  public static final String WAIT = "passerelle.queue.wait";
  /** Counter: visitors who left before being taken; tag {@code reason} = left, erased, timeout. */
  public static final String ABANDONED = "passerelle.queue.abandoned";
  /** Counter: visitors who joined; tag {@code language} (the first they chose). */
  public static final String JOINED = "passerelle.queue.joined";
  /** Counter: push offers; tag {@code outcome} = made, accepted, declined, timeout. */
  public static final String OFFERS = "passerelle.queue.offers";
  public static final String TAG_OUTCOME = "outcome";
  public static final String OUTCOME_MADE = "made";
  public static final String OUTCOME_ACCEPTED = "accepted";
  public static final String OUTCOME_DECLINED = "declined";
  public static final String OUTCOME_TIMEOUT = "timeout";

  private QueueMetrics() {}

  public static Timer waited(MeterRegistry registry) {
    return Timer.builder(WAIT).description("Time a visitor waited before a worker took them")
        .publishPercentiles(0.5, 0.9).publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofSeconds(1)).maximumExpectedValue(Duration.ofHours(4)).register(registry);
  }

  public static Counter abandoned(MeterRegistry registry, String reason) {
    return Counter.builder(ABANDONED).tag("reason", reason).description("Visitors who left before being taken")
        .register(registry);
  }

  public static Counter joined(MeterRegistry registry, String language) {
    return Counter.builder(JOINED).tag("language", language).description("Visitors who joined the queue")
        .register(registry);
  }

  public static Counter offers(MeterRegistry registry, String outcome) {
    return Counter.builder(OFFERS).tag(TAG_OUTCOME, outcome).description("Push offers to workers by outcome")
        .register(registry);
  }
}
