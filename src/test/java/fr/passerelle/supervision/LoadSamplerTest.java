package fr.passerelle.supervision;

import static fr.passerelle.supervision.SupervisionMetrics.*;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.conversation.Party;
import fr.passerelle.mailbox.MailboxMetrics;
import fr.passerelle.mailbox.MailboxStore;
import fr.passerelle.mailbox.StoredLetter;
import fr.passerelle.queue.QueueMetrics;
import fr.passerelle.store.memory.MemoryMailboxStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LoadSamplerTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final Fakes.Queue queue = new Fakes.Queue();
  private final LoadSampler sampler =
      new LoadSampler(queue, new Fakes.Presence(), registry, Clock.fixed(Fakes.NOW, ZoneOffset.UTC));

  private LoadSnapshot sample() throws Exception {
    return sampler.sample().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  @Test
  void countsWaitingVisitorsWorkersAndCapacity() throws Exception {
    LoadSnapshot load = sample();

    assertThat(load.waiting()).isEqualTo(3);
    assertThat(load.waitingByLanguage()).isEqualTo(Map.of("ro", 1, "fr", 2));
    assertThat(load.waitingByPriority()).isEqualTo(Map.of(0, 1, 1, 1, 2, 1));
    assertThat(load.longestWaitSeconds()).isEqualTo(120);
    assertThat(load.offersPending()).isEqualTo(1);
    assertThat(load.workersOnline()).isEqualTo(3);
    assertThat(load.workersAvailable()).isEqualTo(2);
    assertThat(load.capacityTotal()).isEqualTo(7);
    assertThat(load.capacityUsed()).isEqualTo(3);
    assertThat(load.conversationsActive()).isEqualTo(3);
  }

  @Test
  void countsTheMailboxesAwaitingAReplyFromTheirGauge() throws Exception {
    assertThat(sample().mailboxesAwaiting()).isZero();
    MemoryMailboxStore store = new MemoryMailboxStore();
    MailboxMetrics metrics = new MailboxMetrics(store, registry);
    for (String id : List.of("m1", "m2")) {
      store.append(id, Optional.of(List.of("fr")), new StoredLetter("l-1", Party.VISITOR, Fakes.NOW, "AQE",
          Optional.empty()), new MailboxStore.Limits(5, 5));
    }
    metrics.refresh();

    LoadSnapshot load = sample();

    assertThat(load.mailboxesAwaiting()).isEqualTo(2);
    assertThat(load.toJson().getInteger("mailboxesAwaiting")).isEqualTo(2);
  }

  @Test
  void readsCumulativeCountersAndWaitPercentilesFromTheRegistry() throws Exception {
    QueueMetrics.abandoned(registry, "left").increment(4);
    QueueMetrics.offers(registry, QueueMetrics.OUTCOME_DECLINED).increment(2);
    QueueMetrics.offers(registry, QueueMetrics.OUTCOME_TIMEOUT).increment();
    QueueMetrics.offers(registry, QueueMetrics.OUTCOME_ACCEPTED).increment(5);
    for (int seconds = 1; seconds <= 100; seconds++) {
      QueueMetrics.waited(registry).record(Duration.ofSeconds(seconds));
    }

    LoadSnapshot load = sample();

    assertThat(load.abandoned()).isEqualTo(4);
    assertThat(load.offersDeclined()).isEqualTo(3);
    assertThat(load.offersTimedOut()).isEqualTo(1);
    assertThat(load.waitP50Seconds()).isBetween(45.0, 55.0);
    assertThat(load.waitP90Seconds()).isBetween(85.0, 95.0);
  }

  @Test
  void waitFallsBackToMeanAndMaxWithoutPercentiles() throws Exception {
    io.micrometer.core.instrument.Timer.builder(QueueMetrics.WAIT).register(registry).record(Duration.ofSeconds(10));
    io.micrometer.core.instrument.Timer.builder(QueueMetrics.WAIT).register(registry).record(Duration.ofSeconds(30));

    LoadSnapshot load = sample();

    assertThat(load.waitP50Seconds()).isEqualTo(20.0);
    assertThat(load.waitP90Seconds()).isEqualTo(30.0);
  }

  @Test
  void gaugesFollowTheLastSampleAndEmptiedQueueCombinationsDropToZero() throws Exception {
    sample();
    assertThat(registry.get(QUEUE_LENGTH).tags(TAG_LANGUAGE, "fr", TAG_PRIORITY, "2").gauge().value()).isEqualTo(1);
    assertThat(registry.get(QUEUE_LENGTH).tags(TAG_LANGUAGE, "ro", TAG_PRIORITY, "0").gauge().value()).isEqualTo(1);
    assertThat(registry.get(WORKERS_ONLINE).gauge().value()).isEqualTo(3);
    assertThat(registry.get(WORKERS_AVAILABLE).gauge().value()).isEqualTo(2);
    assertThat(registry.get(WORKERS_CAPACITY).tag(TAG_KIND, KIND_TOTAL).gauge().value()).isEqualTo(7);
    assertThat(registry.get(WORKERS_CAPACITY).tag(TAG_KIND, KIND_USED).gauge().value()).isEqualTo(3);
    assertThat(registry.get(CONVERSATIONS_ACTIVE).gauge().value()).isEqualTo(3);
    assertThat(registry.get(QUEUE_LONGEST_WAIT).gauge().value()).isEqualTo(120);

    queue.entries.set(List.of(Fakes.waiting().get(2)));
    sample();

    assertThat(registry.get(QUEUE_LENGTH).tags(TAG_LANGUAGE, "ro", TAG_PRIORITY, "0").gauge().value()).isZero();
    assertThat(registry.get(QUEUE_LENGTH).tags(TAG_LANGUAGE, "fr", TAG_PRIORITY, "1").gauge().value()).isEqualTo(1);
    assertThat(registry.get(QUEUE_LONGEST_WAIT).gauge().value()).isEqualTo(10);
  }

  @Test
  void snapshotJsonHoldsNoIds() throws Exception {
    String json = sample().toJson().encode();
    assertThat(json).doesNotContain("entry-", "session-", "worker-", "pseudo-", "key-");
    assertThat(json).contains("\"waitingByLanguage\":{\"fr\":2,\"ro\":1}");
  }
}
