package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The exact bytes of the contents of version 1. */
class ContentTest {

  @Test
  void helloIsTheTypeAlone() {
    assertThat(string(Content.hello())).isEqualTo("{\"type\":\"hello\"}");
  }

  @Test
  void aTextKeepsItsCharactersAsUtf8AndEscapesWhatJsonRequires() {
    assertThat(string(Content.text("Bună ziua, « ça » \"va\"\n")))
        .isEqualTo("{\"type\":\"text\",\"text\":\"Bună ziua, « ça » \\\"va\\\"\\n\"}");
  }

  @Test
  void aTransferNoteCarriesItsTimeInUtcToTheSecond() {
    assertThat(string(Content.transferNote("À rappeler", Instant.parse("2027-01-02T10:00:00.750Z"))))
        .isEqualTo("{\"type\":\"transfer-note\",\"text\":\"À rappeler\",\"writtenAt\":\"2027-01-02T10:00:00Z\"}");
  }

  @Test
  void aTextHasOneTo4000Characters() {
    assertThat(Content.text("🙏".repeat(4000))).isNotEmpty();
    assertThatThrownBy(() -> Content.text("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Content.text("a".repeat(4001))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLetterCarriesTheReplyKeyAndLanguageOnlyWhenGiven() {
    assertThat(string(Content.letter("Rappelez-moi", new byte[] {(byte) 0xfb, (byte) 0xff}, "fr")))
        .isEqualTo("{\"type\":\"letter\",\"text\":\"Rappelez-moi\",\"replyKey\":\"-_8\",\"language\":\"fr\"}");
    assertThat(string(Content.letter("Bonjour", null, null))).isEqualTo("{\"type\":\"letter\",\"text\":\"Bonjour\"}");
    assertThatThrownBy(() -> Content.letter("", null, null)).isInstanceOf(IllegalArgumentException.class);
  }
}
