package fr.passerelle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @Test
  void parsesDayRangesAndSeveralSlots() {
    OpeningHours hours = OpeningHours.parse("mon-fri 18:00-23:00, sat 14:00-16:00 18:00-20:00", PARIS);
    assertThat(hours.slots()).hasSize(7);
    assertThat(hours.slots().get(0)).isEqualTo(new OpeningHours.Slot(DayOfWeek.MONDAY, 18 * 60, 23 * 60));
    assertThat(hours.slots().get(6)).isEqualTo(new OpeningHours.Slot(DayOfWeek.SATURDAY, 18 * 60, 20 * 60));
    assertThat(OpeningHours.parse("fri-mon 20:00-24:00", PARIS).slots()).extracting(OpeningHours.Slot::day)
        .containsExactly(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
  }

  @Test
  void refusesWhatIsNotAWeekOfSlots() {
    assertThatThrownBy(() -> OpeningHours.parse("mon-fri", PARIS)).hasMessageContaining("HH:MM-HH:MM");
    assertThatThrownBy(() -> OpeningHours.parse("lun 18:00-23:00", PARIS)).hasMessageContaining("not a day");
    assertThatThrownBy(() -> OpeningHours.parse("mon 18h-23h", PARIS)).hasMessageContaining("\"18h\" is not a time");
    assertThatThrownBy(() -> OpeningHours.parse("mon 18:00", PARIS)).hasMessageContaining("not HH:MM-HH:MM");
    assertThatThrownBy(() -> OpeningHours.parse("mon 25:00-26:00", PARIS)).hasMessageContaining("00:00 to 24:00");
    assertThatThrownBy(() -> OpeningHours.parse("mon 18:00-18:00", PARIS)).hasMessageContaining("not end when");
  }

  @Test
  void isOpenInsideASlotInTheOrganisationsTimeZoneAndSaysWhenItOpensNext() {
    OpeningHours hours = OpeningHours.parse("mon-fri 18:00-23:00, sat 14:00-20:00", PARIS);
    Instant mondayMorning = paris(2027, 3, 1, 10, 0); // a Monday
    assertThat(hours.isOpen(mondayMorning)).isFalse();
    assertThat(hours.nextOpening(mondayMorning)).contains(paris(2027, 3, 1, 18, 0));
    assertThat(hours.nextOpening(mondayMorning).orElseThrow().toString()).isEqualTo("2027-03-01T17:00:00Z");
    assertThat(hours.isOpen(paris(2027, 3, 1, 18, 0))).isTrue();
    assertThat(hours.isOpen(paris(2027, 3, 1, 23, 0))).as("the end is not inside").isFalse();
    assertThat(hours.nextOpening(paris(2027, 3, 1, 20, 0))).as("open now: no next opening").isEmpty();
    assertThat(hours.nextOpening(paris(2027, 3, 6, 21, 0))).as("Saturday evening: Monday")
        .contains(paris(2027, 3, 8, 18, 0));
  }

  @Test
  void aSlotEndingBeforeItStartsRunsPastMidnight() {
    OpeningHours hours = OpeningHours.parse("fri 20:00-02:00", PARIS);
    assertThat(hours.isOpen(paris(2027, 3, 5, 23, 30))).isTrue();
    assertThat(hours.isOpen(paris(2027, 3, 6, 1, 30))).as("Saturday 01:30, still Friday's slot").isTrue();
    assertThat(hours.isOpen(paris(2027, 3, 6, 2, 0))).isFalse();
    assertThat(OpeningHours.parse("fri 20:00-00:00", PARIS).isOpen(paris(2027, 3, 5, 23, 59))).isTrue();
  }

  @Test
  void followsTheChangeToSummerTime() {
    OpeningHours hours = OpeningHours.parse("mon-sun 18:00-23:00", PARIS);
    // Sunday 28 March 2027: Paris goes from UTC+1 to UTC+2.
    assertThat(hours.nextOpening(Instant.parse("2027-03-27T22:30:00Z")))
        .isEqualTo(Optional.of(Instant.parse("2027-03-28T16:00:00Z")));
    assertThat(hours.nextOpening(Instant.parse("2027-03-26T22:30:00Z")))
        .isEqualTo(Optional.of(Instant.parse("2027-03-27T17:00:00Z")));
  }

  @Test
  void alwaysOpenHasNoNextOpeningAndNoSlotsMeansNeverOpen() {
    OpeningHours always = OpeningHours.parse("mon-sun 00:00-24:00", PARIS);
    assertThat(always.isOpen(Instant.parse("2027-03-28T01:30:00Z"))).isTrue();
    assertThat(always.nextOpening(Instant.parse("2027-03-28T01:30:00Z"))).isEmpty();
    OpeningHours never = new OpeningHours(PARIS, java.util.List.of());
    assertThat(never.isOpen(Instant.parse("2027-03-28T01:30:00Z"))).isFalse();
    assertThat(never.nextOpening(Instant.parse("2027-03-28T01:30:00Z"))).isEmpty();
  }

  private static Instant paris(int year, int month, int day, int hour, int minute) {
    return LocalDateTime.of(year, month, day, hour, minute).atZone(PARIS).toInstant();
  }
}
