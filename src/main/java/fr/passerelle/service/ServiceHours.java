package fr.passerelle.service;

import io.vertx.core.Future;

/**
 * The opening hours in force: the ones an admin set, read from the shared store so every node announces the same,
 * else the configured ones.
 */
public final class ServiceHours {
  private final HoursStore store;
  private final OpeningHours configured;

  public ServiceHours(HoursStore store, OpeningHours configured) {
    this.store = store;
    this.configured = configured;
  }

  /** The hours every node announces now. */
  public Future<OpeningHours> get() {
    return store.find().map(set -> set.orElse(configured));
  }

  /** Replaces the hours for every node. */
  public Future<OpeningHours> set(OpeningHours hours) {
    return store.save(hours);
  }
}
