package fr.passerelle.store.memory;

import fr.passerelle.statistics.Cell;
import fr.passerelle.statistics.CellKey;
import fr.passerelle.statistics.Measure;
import fr.passerelle.statistics.StatisticsStore;
import io.vertx.core.Future;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Statistics counters in this process's memory, under the shared lock; gone at restart. */
final class MemoryStatisticsStore implements StatisticsStore {
  private static final Comparator<CellKey> ORDER = Comparator.comparing(CellKey::month)
      .thenComparing(CellKey::departement).thenComparing(CellKey::language).thenComparing(CellKey::campaign);

  private final MemoryState state;

  MemoryStatisticsStore(MemoryState state) {
    this.state = state;
  }

  @Override
  public Future<Void> increment(CellKey key, Measure measure) {
    return state.atomically(() -> {
      state.cells.computeIfAbsent(key, k -> new EnumMap<>(Measure.class)).merge(measure, 1L, Long::sum);
      return null;
    });
  }

  @Override
  public Future<List<Cell>> cells(YearMonth from, YearMonth to) {
    return state.atomically(() -> state.cells.entrySet().stream()
        .filter(e -> !e.getKey().month().isBefore(from) && !e.getKey().month().isAfter(to))
        .sorted(Map.Entry.comparingByKey(ORDER))
        .map(e -> new Cell(e.getKey(), Map.copyOf(e.getValue())))
        .toList());
  }

  @Override
  public Future<Integer> purge(YearMonth before) {
    return state.atomically(() -> {
      List<CellKey> old = state.cells.keySet().stream().filter(k -> k.month().isBefore(before)).toList();
      old.forEach(state.cells::remove);
      return old.size();
    });
  }
}
