package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.statistics.Cell;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statistics counters: increments add up per cell and measure, months select, old months are purged. */
interface StatisticsContract extends StoreFixture {
  YearMonth JANUARY = YearMonth.of(2026, 1);
  YearMonth FEBRUARY = YearMonth.of(2026, 2);
  YearMonth MARCH = YearMonth.of(2026, 3);

  static CellKey key(YearMonth month, String departement) {
    return new CellKey(month, departement, "fr", "ads");
  }

  @Test
  default void incrementsAddUpPerCellAndMeasure() throws Exception {
    for (int i = 0; i < 3; i++) {
      await(stores().statistics().increment(key(JANUARY, "75"), Measure.SESSIONS_STARTED));
    }
    await(stores().statistics().increment(key(JANUARY, "75"), Measure.QUEUE_JOINED));
    await(stores().statistics().increment(key(JANUARY, "93"), Measure.SESSIONS_STARTED));

    assertThat(await(stores().statistics().cells(JANUARY, JANUARY))).containsExactly(
        new Cell(key(JANUARY, "75"), Map.of(Measure.SESSIONS_STARTED, 3L, Measure.QUEUE_JOINED, 1L)),
        new Cell(key(JANUARY, "93"), Map.of(Measure.SESSIONS_STARTED, 1L)));
  }

  @Test
  default void cellsAreSelectedByMonthBothEndsIncludedAndOrderedByMonth() throws Exception {
    await(stores().statistics().increment(key(MARCH, "75"), Measure.LETTERS));
    await(stores().statistics().increment(key(JANUARY, "75"), Measure.LETTERS));
    await(stores().statistics().increment(key(FEBRUARY, "75"), Measure.LETTERS));

    assertThat(await(stores().statistics().cells(JANUARY, FEBRUARY))).extracting(c -> c.key().month())
        .containsExactly(JANUARY, FEBRUARY);
    assertThat(await(stores().statistics().cells(MARCH, MARCH))).hasSize(1);
    assertThat(await(stores().statistics().cells(YearMonth.of(2025, 1), YearMonth.of(2025, 12)))).isEmpty();
  }

  @Test
  default void purgeDeletesTheMonthsBeforeTheCutoff() throws Exception {
    await(stores().statistics().increment(key(JANUARY, "75"), Measure.LETTERS));
    await(stores().statistics().increment(key(JANUARY, "93"), Measure.LETTERS));
    await(stores().statistics().increment(key(FEBRUARY, "75"), Measure.LETTERS));

    assertThat(await(stores().statistics().purge(FEBRUARY))).isEqualTo(2);

    assertThat(await(stores().statistics().cells(JANUARY, MARCH))).extracting(Cell::key)
        .containsExactly(key(FEBRUARY, "75"));
    assertThat(await(stores().statistics().purge(FEBRUARY))).isZero();
  }
}
