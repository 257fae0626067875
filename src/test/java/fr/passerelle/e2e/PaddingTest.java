package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.CryptoException.Reason;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The padding of docs/protocol.md 12.5, and the padded plaintexts a receiver must refuse. */
class PaddingTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 16, 255, 256, 511, 512, 4000})
  void contentIsPaddedToTheNextMultipleOf256WithAtLeastOneMarker(int length) {
    byte[] content = new byte[length];
    Arrays.fill(content, (byte) 'a');
    byte[] padded = Padding.pad(content);

    assertThat(padded.length).isEqualTo((length / 256 + 1) * 256);
    assertThat(padded[length]).isEqualTo((byte) 0x80);
    assertThat(Arrays.copyOfRange(padded, length + 1, padded.length)).isEqualTo(new byte[padded.length - length - 1]);
    assertThat(Padding.unpad(padded)).isEqualTo(content);
  }

  @Test
  void contentEndingInZerosOrMarkersComesBackWhole() {
    byte[] content = {'x', (byte) 0x80, 0, 0};
    assertThat(Padding.unpad(Padding.pad(content))).isEqualTo(content);
  }

  @Test
  void unpaddingWipesThePaddedPlaintext() {
    byte[] padded = Padding.pad(new byte[] {'s', 'e', 'c', 'r', 'e', 't'});
    Padding.unpad(padded);
    assertThat(padded).containsOnly(0);
  }

  @Test
  void aLengthThatIsNotAPositiveMultipleOf256IsMalformed() {
    assertRefused(() -> Padding.unpad(new byte[0]), Reason.MALFORMED);
    assertRefused(() -> Padding.unpad(Arrays.copyOf(Padding.pad(new byte[10]), 255)), Reason.MALFORMED);
    assertRefused(() -> Padding.unpad(Arrays.copyOf(Padding.pad(new byte[10]), 257)), Reason.MALFORMED);
  }

  @Test
  void aMissingMarkerIsMalformed() {
    assertRefused(() -> Padding.unpad(new byte[256]), Reason.MALFORMED);
    byte[] noMarker = new byte[256];
    noMarker[10] = 0x7f;
    assertRefused(() -> Padding.unpad(noMarker), Reason.MALFORMED);
  }

  @Test
  void aNonZeroByteAfterTheMarkerIsMalformed() {
    byte[] padded = Padding.pad(new byte[] {'h', 'i'});
    padded[255] = 0x01;
    assertRefused(() -> Padding.unpad(padded), Reason.MALFORMED);
  }

  @Test
  void moreThanOneBlockOfPaddingIsMalformed() {
    byte[] padded = new byte[512];
    padded[0] = 'a';
    padded[1] = (byte) 0x80;
    assertRefused(() -> Padding.unpad(padded), Reason.MALFORMED);
    byte[] onlyMarker = new byte[512];
    onlyMarker[255] = (byte) 0x80;
    assertRefused(() -> Padding.unpad(onlyMarker), Reason.MALFORMED);
  }
}
