package fr.passerelle.statistics;

import java.time.YearMonth;

/**
 * One statistics cell: a month in the organisation's time zone, the département of the campaign, the visitor's
 * first language and the campaign code; {@value #UNKNOWN} when the session had no known campaign.
 */
public record CellKey(YearMonth month, String departement, String language, String campaign) {
  /** What a cell says for a département, language or campaign it could not know. */
  public static final String UNKNOWN = "unknown";
}
