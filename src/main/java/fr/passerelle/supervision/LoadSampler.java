package fr.passerelle.supervision;

import static fr.passerelle.supervision.SupervisionMetrics.*;

import fr.passerelle.mailbox.MailboxMetrics;
import fr.passerelle.queue.QueueEntry;
import fr.passerelle.queue.QueueMetrics;
import fr.passerelle.queue.QueueStore;
import fr.passerelle.worker.PresenceStore;
import fr.passerelle.worker.WorkerPresence;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

/**
 * Computes the {@link LoadSnapshot} from the queue and presence stores and the meter registry, and publishes the
 * last sample as gauges. Waits: when exactly one {@value QueueMetrics#WAIT} timer publishes the 0.5
 * and 0.9 percentiles (as {@link QueueMetrics#waited} does), those are reported; otherwise the mean
 * stands for the median and the timer's recent maximum for the 90th percentile. Every sample also goes to the
 * {@link LoadHistory}, which keeps one per 10 s for the dashboard's charts.
 */
public final class LoadSampler {
  static final String NO_LANGUAGE = "und";

  private final QueueStore queue;
  private final PresenceStore presence;
  private final MeterRegistry registry;
  private final Clock clock;
  private final AtomicReference<Optional<LoadSnapshot>> last = new AtomicReference<>(Optional.empty());
  private final Map<Tags, AtomicInteger> queueLengths = new ConcurrentHashMap<>();
  private final LoadHistory history = new LoadHistory();
  private long timerId = -1;

  public LoadSampler(QueueStore queue, PresenceStore presence, MeterRegistry registry, Clock clock) {
    this.queue = queue;
    this.presence = presence;
    this.registry = registry;
    this.clock = clock;
    gauge(WORKERS_ONLINE, Tags.empty(), LoadSnapshot::workersOnline);
    gauge(WORKERS_AVAILABLE, Tags.empty(), LoadSnapshot::workersAvailable);
    gauge(WORKERS_CAPACITY, Tags.of(TAG_KIND, KIND_TOTAL), LoadSnapshot::capacityTotal);
    gauge(WORKERS_CAPACITY, Tags.of(TAG_KIND, KIND_USED), LoadSnapshot::capacityUsed);
    gauge(CONVERSATIONS_ACTIVE, Tags.empty(), LoadSnapshot::conversationsActive);
    gauge(QUEUE_LONGEST_WAIT, Tags.empty(), LoadSnapshot::longestWaitSeconds);
  }

  /** Reads the stores once, publishes the result to the gauges and returns it. */
  public Future<LoadSnapshot> sample() {
    return Future.all(queue.waiting(), presence.online()).map(all -> {
      List<QueueEntry> entries = all.resultAt(0);
      LoadSnapshot snapshot = compute(entries, all.resultAt(1), clock.instant());
      publish(snapshot, lengthsByLanguageAndPriority(entries));
      return snapshot;
    });
  }

  /** The last successful sample, if any. */
  public Optional<LoadSnapshot> last() {
    return last.get();
  }

  /** The last hour of samples, one per {@link LoadHistory#INTERVAL}. */
  public LoadHistory history() {
    return history;
  }

  /** Keeps the gauges (and the history) fresh for Prometheus whether or not a supervisor is watching. */
  public synchronized void start(Vertx vertx, Duration every) {
    stop(vertx);
    timerId = vertx.setPeriodic(0, every.toMillis(), id -> sample());
  }

  public synchronized void stop(Vertx vertx) {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
      timerId = -1;
    }
  }

  LoadSnapshot compute(List<QueueEntry> entries, List<WorkerPresence> workers, Instant now) {
    Map<String, Integer> byLanguage = new TreeMap<>();
    Map<Integer, Integer> byPriority = new TreeMap<>(Map.of(0, 0, 1, 0, 2, 0));
    long longest = 0;
    int offers = 0;
    for (QueueEntry entry : entries) {
      byLanguage.merge(firstLanguage(entry), 1, Integer::sum);
      byPriority.merge(entry.priority(), 1, Integer::sum);
      longest = Math.max(longest, Duration.between(entry.enqueuedAt(), now).toSeconds());
      offers += entry.offeredAt(now) ? 1 : 0;
    }
    int connected = 0;
    int available = 0;
    int capacityTotal = 0;
    int used = 0;
    for (WorkerPresence worker : workers) {
      connected += worker.connected() ? 1 : 0;
      available += worker.available() ? 1 : 0;
      capacityTotal += worker.available() ? worker.capacity() : 0;
      used += worker.active();
    }
    double[] waits = waitPercentiles();
    double timedOut = offers(QueueMetrics.OUTCOME_TIMEOUT);
    return new LoadSnapshot(now, entries.size(), byLanguage, byPriority, longest, connected, available,
        capacityTotal, used, used, offers, (long) count(registry.find(QueueMetrics.ABANDONED).counters()),
        waits[0], waits[1], (long) (offers(QueueMetrics.OUTCOME_DECLINED) + timedOut), (long) timedOut,
        mailboxesAwaiting());
  }

  /** Read from the mailbox gauge, which the mailbox routes and the purge keep current: no store read per second. */
  private int mailboxesAwaiting() {
    return (int) registry.find(MailboxMetrics.MAILBOXES).tag(MailboxMetrics.TAG_STATE, MailboxMetrics.AWAITING)
        .gauges().stream().mapToDouble(Gauge::value).sum();
  }

  private static String firstLanguage(QueueEntry entry) {
    return entry.languages().isEmpty() ? NO_LANGUAGE : entry.languages().get(0);
  }

  private static double count(Collection<Counter> counters) {
    return counters.stream().mapToDouble(Counter::count).sum();
  }

  private double[] waitPercentiles() {
    Collection<Timer> timers = registry.find(QueueMetrics.WAIT).timers();
    if (timers.size() == 1) {
      ValueAtPercentile[] values = timers.iterator().next().takeSnapshot().percentileValues();
      Optional<Double> p50 = percentile(values, 0.5);
      Optional<Double> p90 = percentile(values, 0.9);
      if (p50.isPresent() && p90.isPresent()) {
        return new double[] {p50.get(), p90.get()};
      }
    }
    long count = timers.stream().mapToLong(Timer::count).sum();
    double total = timers.stream().mapToDouble(t -> t.totalTime(TimeUnit.SECONDS)).sum();
    double max = timers.stream().mapToDouble(t -> t.max(TimeUnit.SECONDS)).max().orElse(0);
    return new double[] {count == 0 ? 0 : total / count, max};
  }

  private static Optional<Double> percentile(ValueAtPercentile[] values, double which) {
    for (ValueAtPercentile value : values) {
      if (Math.abs(value.percentile() - which) < 1e-9) {
        return Optional.of(value.value(TimeUnit.SECONDS));
      }
    }
    return Optional.empty();
  }

  private static Map<Tags, Integer> lengthsByLanguageAndPriority(List<QueueEntry> entries) {
    Map<Tags, Integer> lengths = new HashMap<>();
    for (QueueEntry entry : entries) {
      lengths.merge(Tags.of(TAG_LANGUAGE, firstLanguage(entry), TAG_PRIORITY, String.valueOf(entry.priority())), 1,
          Integer::sum);
    }
    return lengths;
  }

  /** Combinations seen before but empty now go back to 0 rather than keeping a stale count. */
  private synchronized void publish(LoadSnapshot snapshot, Map<Tags, Integer> current) {
    last.set(Optional.of(snapshot));
    history.record(snapshot);
    queueLengths.forEach((tags, value) -> value.set(current.getOrDefault(tags, 0)));
    current.forEach((tags, count) -> queueLengths.computeIfAbsent(tags, this::queueLengthGauge).set(count));
  }

  private AtomicInteger queueLengthGauge(Tags tags) {
    AtomicInteger value = new AtomicInteger();
    Gauge.builder(QUEUE_LENGTH, value, AtomicInteger::get).tags(tags).strongReference(true)
        .description("Visitors waiting, by first language and priority").register(registry);
    return value;
  }

  private void gauge(String name, Tags tags, ToDoubleFunction<LoadSnapshot> read) {
    Gauge.builder(name, last, ref -> ref.get().map(read::applyAsDouble).orElse(0.0))
        .tags(tags).strongReference(true).register(registry);
  }

  private double offers(String outcome) {
    return count(registry.find(QueueMetrics.OFFERS).tag(QueueMetrics.TAG_OUTCOME, outcome).counters());
  }
}
