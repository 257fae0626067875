package fr.passerelle.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.store.Stores;
import fr.passerelle.store.memory.MemoryStores;
import fr.passerelle.testing.MutableClock;
import fr.passerelle.visitor.VisitorSession;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Which cell an event lands in: the month in the organisation's zone, the campaign's département, the first language. */
@ExtendWith(VertxExtension.class)
class TallyTest {
  // 23:30 UTC on 31 January is already February in Paris, still January in Cayenne.
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-31T23:30:00Z"));
  private Stores stores;

  @BeforeEach
  void stores(Vertx vertx) throws Exception {
    stores = MemoryStores.create(vertx, null, clock);
    await(stores.campaigns().create(new Campaign("ads-974", "Réunion", "974")));
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private static VisitorSession session(Optional<String> campaign, String... languages) {
    return new VisitorSession("s", new byte[0], List.of(languages), campaign, Optional.empty(), Instant.MAX);
  }

  private List<CellKey> keys() throws Exception {
    return await(stores.statistics().cells(YearMonth.of(2026, 1), YearMonth.of(2026, 2))).stream()
        .map(Cell::key).toList();
  }

  @Test
  void theMonthIsTheOrganisationsAndTheDepartementTheCampaigns() throws Exception {
    await(new Tally(stores, ZoneId.of("Europe/Paris"), clock).count(Measure.SESSIONS_STARTED,
        session(Optional.of("ads-974"), "pt-br", "fr")));
    await(new Tally(stores, ZoneId.of("America/Cayenne"), clock).count(Measure.SESSIONS_STARTED,
        session(Optional.of("ads-974"), "pt-br")));

    assertThat(keys()).containsExactly(new CellKey(YearMonth.of(2026, 1), "974", "pt-br", "ads-974"),
        new CellKey(YearMonth.of(2026, 2), "974", "pt-br", "ads-974"));
  }

  @Test
  void anUnregisteredOrMissingCodeIsUnknown() throws Exception {
    Tally tally = new Tally(stores, ZoneId.of("Europe/Paris"), clock);
    await(tally.count(Measure.SESSIONS_STARTED, session(Optional.of("made-up"), "ro")));
    await(tally.count(Measure.SESSIONS_STARTED, session(Optional.empty(), "ro")));

    assertThat(await(stores.statistics().cells(YearMonth.of(2026, 2), YearMonth.of(2026, 2))))
        .containsExactly(new Cell(new CellKey(YearMonth.of(2026, 2), "unknown", "ro", "unknown"),
            java.util.Map.of(Measure.SESSIONS_STARTED, 2L)));
  }
}
