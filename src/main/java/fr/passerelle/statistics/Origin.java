package fr.passerelle.statistics;

import fr.passerelle.visitor.VisitorSession;
import java.util.Optional;

/**
 * Where a counted event comes from, as coarse as a cell: the campaign code the session came with (if any) and its
 * first language (as {@link CellLanguage} counts it). A referral can keep this in its routing metadata to be counted
 * again when acknowledged.
 */
public record Origin(Optional<String> campaign, String language) {
  /** An event with no session behind it, such as a letter; its language may still be known. */
  public static Origin anonymous(Optional<String> language) {
    return new Origin(Optional.empty(), language.map(CellLanguage::of).orElse(CellKey.UNKNOWN));
  }

  public static Origin of(VisitorSession session) {
    return new Origin(session.campaign(), session.languages().isEmpty() ? CellKey.UNKNOWN
        : CellLanguage.of(session.languages().get(0)));
  }
}
