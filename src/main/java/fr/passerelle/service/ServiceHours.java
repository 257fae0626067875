package fr.passerelle.service;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The opening hours this node announces: the configured ones until an admin changes them. Kept in this node's memory
 * only, so a restart goes back to the configuration.
 */
public final class ServiceHours {
  private final AtomicReference<OpeningHours> current;

  public ServiceHours(OpeningHours configured) {
    this.current = new AtomicReference<>(configured);
  }

  public OpeningHours get() {
    return current.get();
  }

  public void set(OpeningHours hours) {
    current.set(hours);
  }
}
