package fr.passerelle.association;

import fr.passerelle.service.OpeningHours;
import java.util.Set;

/**
 * What an admin says about an association: its name and approval reference (the prefect's approval for the exit
 * path, "agrément"), the départements it covers, the languages it speaks, the safe contact channels it offers, its
 * opening hours, and whether workers may refer people to it. Everything but its keys and dates.
 */
public record AssociationDetails(
    String name,
    String approvalReference,
    Set<String> departements,
    Set<String> languages,
    Set<ContactChannel> channels,
    OpeningHours hours,
    boolean active) {

  public AssociationDetails {
    departements = Set.copyOf(departements);
    languages = Set.copyOf(languages);
    channels = Set.copyOf(channels);
  }

  /** The same details with {@code active} changed. */
  public AssociationDetails withActive(boolean newActive) {
    return new AssociationDetails(name, approvalReference, departements, languages, channels, hours, newActive);
  }
}
