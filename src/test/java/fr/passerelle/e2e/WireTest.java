package fr.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.CryptoException;
import org.junit.jupiter.api.Test;

/** Strings on the wire: well-formed Unicode only, and lengths that fit their prefix (docs/protocol.md 12.1, 12.10). */
class WireTest {

  @Test
  void aLoneSurrogateIsMalformedRatherThanWrittenAsAQuestionMark() {
    assertThatThrownBy(() -> Wire.lp8("c-\uD800", "conversation id"))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.MALFORMED));
    assertThatThrownBy(() -> Content.text("bonjour \uDC00")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Wire.lp8("Zoë 🙏", "pseudonym")).hasSize(1 + "Zoë 🙏".getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
  }

  @Test
  void aStringLongerThanItsLengthPrefixIsMalformed() {
    assertThat(Wire.lp8("a".repeat(255), "id")).hasSize(256);
    assertThatThrownBy(() -> Wire.lp8("a".repeat(256), "id"))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.MALFORMED));
  }
}
