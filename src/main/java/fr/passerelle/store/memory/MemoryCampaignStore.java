package fr.passerelle.store.memory;

import fr.passerelle.http.ErrorCode;
import fr.passerelle.statistics.Campaign;
import fr.passerelle.statistics.CampaignStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The campaign registry in this process's memory, under the shared lock; gone at restart. */
final class MemoryCampaignStore implements CampaignStore {
  private final MemoryState state;

  MemoryCampaignStore(MemoryState state) {
    this.state = state;
  }

  @Override
  public Future<Campaign> create(Campaign campaign) {
    return state.atomically(() -> {
      if (state.campaigns.putIfAbsent(campaign.code(), campaign) != null) {
        throw MemoryState.fail(ErrorCode.CONFLICT, "A campaign with this code exists.");
      }
      return campaign;
    });
  }

  @Override
  public Future<List<Campaign>> list() {
    return state.atomically(() -> List.copyOf(state.campaigns.values()));
  }

  @Override
  public Future<Optional<Campaign>> find(String code) {
    return state.atomically(() -> Optional.ofNullable(state.campaigns.get(code)));
  }

  @Override
  public Future<Campaign> update(String code, Optional<String> label, Optional<String> departement) {
    return state.atomically(() -> {
      Campaign current = state.campaigns.get(code);
      if (current == null) {
        throw MemoryState.fail(ErrorCode.NOT_FOUND, "No such campaign.");
      }
      Campaign updated = new Campaign(code, label.orElse(current.label()),
          departement.orElse(current.departement()));
      state.campaigns.put(code, updated);
      return updated;
    });
  }
}
