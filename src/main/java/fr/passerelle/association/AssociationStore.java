package fr.passerelle.association;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The directory of associations, shared by every node. Each operation is atomic. */
public interface AssociationStore {

  /** Adds a new association; fails {@code CONFLICT} if its id is taken. */
  Future<Association> create(Association association);

  Future<Optional<Association>> find(String id);

  /** Every association, by name (case-insensitive), then id. */
  Future<List<Association>> list();

  /**
   * Replaces the details of association {@code id}, keeping its keys, and sets its {@code updatedAt} to {@code now};
   * fails {@code UNKNOWN_ASSOCIATION} for an unknown id.
   */
  Future<Association> updateDetails(String id, AssociationDetails details, Instant now);

  /**
   * Makes {@code publicKey} the current key of association {@code id} from {@code now}; the previous current key
   * stays in the history, valid until {@code now}. Fails {@code UNKNOWN_ASSOCIATION} for an unknown id and
   * {@code CONFLICT} if the key is already in its history (a retired key never comes back).
   */
  Future<Association> addKey(String id, byte[] publicKey, Instant now);
}
