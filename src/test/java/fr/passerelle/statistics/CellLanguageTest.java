package fr.passerelle.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Real language tags count as themselves; made-up ones all count as "other", so they cannot multiply rows. */
class CellLanguageTest {

  @Test
  void isoLanguagesAloneOrWithARegionAreKept() {
    assertThat(CellLanguage.of("fr")).isEqualTo("fr");
    assertThat(CellLanguage.of("pt-br")).isEqualTo("pt-br");
    assertThat(CellLanguage.of("pt-BR")).isEqualTo("pt-br");
    assertThat(CellLanguage.of("en-ng")).isEqualTo("en-ng");
    assertThat(CellLanguage.of("sq")).isEqualTo("sq");
  }

  @Test
  void anythingElseIsOther() {
    for (String tag : new String[] {"xx", "qqq", "fr-zz", "fr-ca-x1", "zh-hans", "en-12345678"}) {
      assertThat(CellLanguage.of(tag)).as(tag).isEqualTo(CellLanguage.OTHER);
    }
  }
}
