package fr.passerelle.service;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * The opening hours an admin set, shared by every node. Empty until an admin sets some: the configured hours apply
 * until then. Each operation is atomic.
 */
public interface HoursStore {

  /** The hours an admin set last, if any. */
  Future<Optional<OpeningHours>> find();

  /** Replaces the hours for every node; returns them. */
  Future<OpeningHours> save(OpeningHours hours);
}
