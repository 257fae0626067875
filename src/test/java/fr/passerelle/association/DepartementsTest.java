package fr.passerelle.association;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Metropolitan 01–95 without 20, Corsica's 2A and 2B, overseas 971–976. */
class DepartementsTest {

  @Test
  void everyRealCodeIsValid() {
    for (int i = 1; i <= 95; i++) {
      String code = String.format("%02d", i);
      assertThat(Departements.valid(code)).as(code).isEqualTo(i != 20);
    }
    assertThat(Departements.valid("2A")).isTrue();
    assertThat(Departements.valid("2B")).isTrue();
    for (int i = 971; i <= 976; i++) {
      assertThat(Departements.valid(Integer.toString(i))).isTrue();
    }
  }

  @Test
  void anythingElseIsNot() {
    for (String code : new String[] {"00", "20", "96", "99", "1", "001", "2a", "2C", "970", "977", "975 ", "", "unknown"}) {
      assertThat(Departements.valid(code)).as(code).isFalse();
    }
    assertThat(Departements.valid(null)).isFalse();
  }
}
