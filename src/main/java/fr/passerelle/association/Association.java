package fr.passerelle.association;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An association of the directory: the details an admin keeps, and its public keys oldest first, of which at most
 * the last is current (none until the first is registered).
 */
public record Association(String id, AssociationDetails details, List<AssociationKey> keys, Instant createdAt,
    Instant updatedAt) {

  public Association {
    keys = List.copyOf(keys);
  }

  /** The key new referrals are sealed to, if one is registered. */
  public Optional<AssociationKey> currentKey() {
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys.get(keys.size() - 1)).filter(AssociationKey::current);
  }

  /** Whether a worker may refer someone to it now: active, and with a key to seal to. */
  public boolean referable() {
    return details.active() && currentKey().isPresent();
  }
}
