package fr.passerelle.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.HdrHistogram.AbstractHistogram;

/** Prints one result line, {@code BENCH <name> <key>=<value> …}, that scripts can grep. */
final class BenchReport {
  private final String name;
  private final Map<String, Object> values = new LinkedHashMap<>();

  BenchReport(String name) {
    this.name = name;
  }

  BenchReport put(String key, Object value) {
    values.put(key, value instanceof Double d ? String.format(java.util.Locale.ROOT, "%.1f", d) : value);
    return this;
  }

  /** Count, p50, p90, p99 and max of a histogram recorded in microseconds. */
  BenchReport latency(String prefix, AbstractHistogram micros) {
    return put(prefix + "_count", micros.getTotalCount())
        .put(prefix + "_p50_us", micros.getValueAtPercentile(50))
        .put(prefix + "_p90_us", micros.getValueAtPercentile(90))
        .put(prefix + "_p99_us", micros.getValueAtPercentile(99))
        .put(prefix + "_max_us", micros.getMaxValue());
  }

  void print() {
    System.out.println("BENCH " + name + " " + values.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
  }
}
