package fr.passerelle.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadHistoryTest {
  private final LoadHistory history = new LoadHistory();

  private static LoadSnapshot at(Instant at, int waiting) {
    return new LoadSnapshot(at, waiting, Map.of("fr", waiting), Map.of(0, waiting, 1, 0, 2, 0), 5, 1, 1, 3, 1, 1, 0,
        0, 0, 0, 0, 0, 0);
  }

  @Test
  void keepsTheFirstSampleOfEachTenSecondWindow() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    for (int second = 0; second < 30; second++) {
      history.record(at(start.plusSeconds(second), second));
    }

    assertThat(history.since(start.plusSeconds(30))).extracting(LoadSnapshot::waiting).containsExactly(0, 10, 20);
  }

  @Test
  void aLateSampleNeverGoesBeforeANewerOne() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    history.record(at(start.plusSeconds(20), 2));
    history.record(at(start, 1));

    assertThat(history.since(start.plusSeconds(30))).extracting(LoadSnapshot::waiting).containsExactly(2);
  }

  @Test
  void theRingHoldsOneHourAtMost() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    for (int i = 0; i < 1_000; i++) {
      history.record(at(start.plusSeconds(10L * i), i));
    }

    Instant now = start.plusSeconds(10L * 999);
    assertThat(history.capacity()).isEqualTo(360);
    assertThat(history.since(now)).hasSize(360).first().extracting(LoadSnapshot::waiting).isEqualTo(640);
    assertThat(history.since(now)).last().extracting(LoadSnapshot::waiting).isEqualTo(999);
  }

  @Test
  void samplesOlderThanAnHourAreNotSentEvenWhenTheRingIsNotFull() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    history.record(at(start, 1));
    history.record(at(start.plusSeconds(1_800), 2));

    assertThat(history.since(start.plusSeconds(3_700))).extracting(LoadSnapshot::waiting).containsExactly(2);
    assertThat(history.since(start.plusSeconds(9_000))).isEmpty();
  }

  @Test
  void theFrameCarriesTheIntervalAndLoadSamplesOldestFirst() {
    Instant start = Instant.parse("2026-03-01T10:00:00Z");
    history.record(at(start, 1));
    history.record(at(start.plusSeconds(10), 2));

    JsonObject frame = history.toJson(start.plusSeconds(15));

    assertThat(frame.getInteger("intervalSeconds")).isEqualTo(10);
    assertThat(frame.getJsonArray("samples")).hasSize(2);
    assertThat(frame.getJsonArray("samples").getJsonObject(0)).isEqualTo(at(start, 1).toJson());
    assertThat(frame.getJsonArray("samples").getJsonObject(1).getString("at")).isEqualTo("2026-03-01T10:00:10Z");
  }
}
