package fr.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The safety code of docs/protocol.md 12.6. */
class SafetyCodeTest {

  @Test
  void itIsFourGroupsOfFiveDigits() {
    assertThat(SafetyCode.of(new byte[32])).matches("[0-9]{5} [0-9]{5} [0-9]{5} [0-9]{5}");
  }

  @Test
  void itIsTheKnownAnswer() {
    byte[] th = HexFormat.of().parseHex("b3f2ab6328caf0c50a438a20e561b7780c76c7d2cdfe8428261f56207ddd0413");
    assertThat(SafetyCode.of(th)).isEqualTo("74565 53558 04324 07464");
  }

  @Test
  void anotherTranscriptGivesAnotherCode() {
    byte[] th = new byte[32];
    byte[] other = new byte[32];
    other[31] = 1;
    assertThat(SafetyCode.of(th)).isNotEqualTo(SafetyCode.of(other));
  }

  @Test
  void bothSidesOfAConversationShowTheSameCodeAndOtherConversationsAnother() {
    TestWorld world = new TestWorld();
    TestWorld.Pair one = world.pair();
    TestWorld.Pair two = world.pair();
    assertThat(one.visitor().safetyCode()).isEqualTo(one.worker().safetyCode());
    assertThat(two.visitor().safetyCode()).isNotEqualTo(one.visitor().safetyCode());
  }
}
