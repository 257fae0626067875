package fr.passerelle.statistics;

/**
 * Small-cell suppression (overview.md, data rule 5): a count from 1 to {@value #THRESHOLD}{@code - 1} is never
 * shown. Zero is shown: it reveals nobody. Every output (JSON, CSV, dashboard) goes through {@link #publish}.
 *
 * <p>Complementary suppression: a suppressed count could be recovered from a total by subtraction, so no output
 * carries totals, subtotals or margins; each report is one table at the finest level (month × département ×
 * language × campaign), with each count published or suppressed on its own (docs/operations.md).
 */
public final class Suppression {
  /** Counts below this (and above zero) are suppressed. */
  public static final int THRESHOLD = 5;

  private Suppression() {}

  public static boolean suppressed(long count) {
    return count > 0 && count < THRESHOLD;
  }

  /** The count as it may be shown: itself, or null when suppressed. */
  public static Long publish(long count) {
    return suppressed(count) ? null : count;
  }
}
