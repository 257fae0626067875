package fr.passerelle.statistics;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** The admin's campaign registry. Each operation is atomic. */
public interface CampaignStore {

  /** Adds a campaign; fails {@code CONFLICT} if its code is taken. */
  Future<Campaign> create(Campaign campaign);

  /** Every campaign, by code. */
  Future<List<Campaign>> list();

  Future<Optional<Campaign>> find(String code);

  /** Changes the label and/or département of a campaign; fails {@code NOT_FOUND} if there is none with that code. */
  Future<Campaign> update(String code, Optional<String> label, Optional<String> departement);
}
