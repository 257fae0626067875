package fr.passerelle.store.memory;

import fr.passerelle.service.HoursStore;
import fr.passerelle.service.OpeningHours;
import io.vertx.core.Future;
import java.util.Optional;

/** The admin's opening hours in this process's memory, under the shared lock; gone at restart. */
final class MemoryHoursStore implements HoursStore {
  private final MemoryState state;

  MemoryHoursStore(MemoryState state) {
    this.state = state;
  }

  @Override
  public Future<Optional<OpeningHours>> find() {
    return state.atomically(() -> Optional.ofNullable(state.hours));
  }

  @Override
  public Future<OpeningHours> save(OpeningHours hours) {
    return state.atomically(() -> state.hours = hours);
  }
}
