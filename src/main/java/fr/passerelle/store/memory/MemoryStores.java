package fr.passerelle.store.memory;

import fr.passerelle.staff.StaffStore;
import fr.passerelle.store.Stores;
import fr.passerelle.store.WakeUps;
import io.vertx.core.Vertx;
import java.time.Clock;

/** Builds the in-memory backend: every store over one shared, locked state, and local wake-ups. */
public final class MemoryStores {

  private MemoryStores() {}

  /**
   * The {@code clock} is read only where an operation has no {@code now} of its own (session touch and erase);
   * staff storage is supplied by the caller.
   */
  public static Stores create(Vertx vertx, StaffStore staff, Clock clock) {
    MemoryState state = new MemoryState(clock);
    WakeUps wakeUps = new MemoryWakeUps(vertx);
    return new Stores(new MemorySessionStore(state), new MemoryQueueStore(state),
        new MemoryConversationStore(state, wakeUps), new MemoryPresenceStore(state), staff, wakeUps,
        new MemoryCannedReplies(), new MemoryHoursStore(state), new MemoryMailboxStore(),
        new MemoryCampaignStore(state), new MemoryStatisticsStore(state), new MemoryAssociationStore(),
        new MemoryAuditLog(), new MemoryReferralStore());
  }
}
