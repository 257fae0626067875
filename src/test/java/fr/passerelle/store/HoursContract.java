package fr.passerelle.store;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.service.OpeningHours;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Opening hours an admin set: none at first (the configured ones apply), then the last ones saved. */
interface HoursContract extends StoreFixture {

  @Test
  default void noHoursUntilAnAdminSetsSome() throws Exception {
    assertThat(await(stores().hours().find())).isEmpty();
  }

  @Test
  default void theLastHoursSavedAreTheOnesFound() throws Exception {
    OpeningHours weekdays = OpeningHours.parse("mon-fri 18:00-23:00", ZoneId.of("Europe/Paris"));
    OpeningHours weekend = OpeningHours.parse("sat-sun 14:00-20:00, fri 20:00-02:00", ZoneId.of("America/Cayenne"));

    assertThat(await(stores().hours().save(weekdays))).isEqualTo(weekdays);
    assertThat(await(stores().hours().save(weekend))).isEqualTo(weekend);

    assertThat(await(stores().hours().find())).contains(weekend);
  }

  @Test
  default void aWeekWithNoSlotIsKeptAsSuch() throws Exception {
    OpeningHours closed = OpeningHours.parse("mon 10:00-11:00", ZoneId.of("Europe/Paris"));
    OpeningHours none = new OpeningHours(ZoneId.of("Europe/Bucharest"), List.of());
    await(stores().hours().save(closed));

    await(stores().hours().save(none));

    assertThat(await(stores().hours().find())).contains(none);
  }
}
