package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.http.ErrorCode;
import fr.passerelle.statistics.Campaign;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The campaign registry: codes are unique, listed by code, and only their label and département change. */
interface CampaignContract extends StoreFixture {

  @Test
  default void campaignsAreFoundByCodeAndListedInCodeOrder() throws Exception {
    Campaign ads = new Campaign("ads-93", "Escort ads, Seine-Saint-Denis", "93");
    Campaign social = new Campaign("social-2a", "Social networks, Corse-du-Sud", "2A");
    await(stores().campaigns().create(social));
    await(stores().campaigns().create(ads));

    assertThat(await(stores().campaigns().find("ads-93"))).contains(ads);
    assertThat(await(stores().campaigns().find("nope"))).isEmpty();
    assertThat(await(stores().campaigns().list())).containsExactly(ads, social);
  }

  @Test
  default void aTakenCodeIsAConflictAndChangesNothing() throws Exception {
    Campaign first = new Campaign("ads-75", "Paris", "75");
    await(stores().campaigns().create(first));

    failure(stores().campaigns().create(new Campaign("ads-75", "Other", "13")), ErrorCode.CONFLICT);

    assertThat(await(stores().campaigns().list())).containsExactly(first);
  }

  @Test
  default void anUpdateChangesOnlyWhatItNames() throws Exception {
    await(stores().campaigns().create(new Campaign("ads-75", "Paris", "75")));

    assertThat(await(stores().campaigns().update("ads-75", Optional.empty(), Optional.of("974"))))
        .isEqualTo(new Campaign("ads-75", "Paris", "974"));
    assertThat(await(stores().campaigns().update("ads-75", Optional.of("Réunion"), Optional.empty())))
        .isEqualTo(new Campaign("ads-75", "Réunion", "974"));
    assertThat(await(stores().campaigns().find("ads-75"))).contains(new Campaign("ads-75", "Réunion", "974"));
  }

  @Test
  default void updatingAnUnknownCampaignIsNotFound() throws Exception {
    failure(stores().campaigns().update("nope", Optional.of("x"), Optional.empty()), ErrorCode.NOT_FOUND);

    assertThat(await(stores().campaigns().list())).isEmpty();
  }
}
