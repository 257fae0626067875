package fr.passerelle.statistics;

import java.util.Map;

/** A cell and its raw counts, as stored (measures never counted are absent). Never shown as is: see Suppression. */
public record Cell(CellKey key, Map<Measure, Long> counts) {

  public long count(Measure measure) {
    return counts.getOrDefault(measure, 0L);
  }
}
