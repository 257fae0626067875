package fr.passerelle.statistics;

import io.vertx.core.Future;
import java.time.YearMonth;
import java.util.List;

/**
 * Anonymous counters for funders' reports: one number per cell and measure, incremented as events happen (one
 * {@code HINCRBY} in Redis). Nothing about a person is stored here. Each operation is atomic.
 */
public interface StatisticsStore {

  /** Adds one to a cell's measure, creating the cell if needed. */
  Future<Void> increment(CellKey key, Measure measure);

  /** The cells of the months {@code from} to {@code to}, both included, ordered by month then key. */
  Future<List<Cell>> cells(YearMonth from, YearMonth to);

  /** Deletes the cells of months before {@code before}; completes with how many cells went. */
  Future<Integer> purge(YearMonth before);
}
