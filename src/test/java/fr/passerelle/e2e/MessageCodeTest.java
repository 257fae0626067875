package fr.passerelle.e2e;

import static fr.passerelle.e2e.TestWorld.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.crypto.CryptoException.Reason;
import fr.passerelle.crypto.X25519;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Message codes (docs/protocol.md 12.12): their alphabet, how typed codes are read, and what they derive. */
class MessageCodeTest {

  @Test
  void aGeneratedCodeIsTwentySymbolsOfTheAlphabetAndNeverRepeats() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      String code = MessageCode.generate(TestWorld.RANDOM);
      assertThat(code).hasSize(20).matches("[0-9A-HJKMNP-TV-Z]{20}");
      assertThat(MessageCode.normalise(code)).isEqualTo(code);
      codes.add(code);
    }
    assertThat(codes).hasSize(200);
  }

  @Test
  void aCodeIsShownInFiveGroupsOfFour() {
    assertThat(MessageCode.display("7K2MQ9XA4HVD1RWE8NT0")).isEqualTo("7K2M-Q9XA-4HVD-1RWE-8NT0");
  }

  @Test
  void typingIsForgiving() {
    assertThat(MessageCode.normalise(" 7k2m-q9xa\t4hvd\nLrwe-8ntO\r")).isEqualTo("7K2MQ9XA4HVD1RWE8NT0");
    assertThat(MessageCode.normalise("iiii-llll-oooo-0000-1111")).isEqualTo("11111111000000001111");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "7K2M-Q9XA-4HVD-1RWE-8NT", "7K2M-Q9XA-4HVD-1RWE-8NT00", "7K2M-Q9XA-4HVD-1RWE-8NTU",
      "7K2M-Q9XA-4HVD-1RWE-8NT.", "7K2M_Q9XA_4HVD_1RWE_8NT0", "7K2M-Q9XA-4HVD-1RWE-8NTÉ", "7K2M-Q9XA-4HVD-1RWE-8NT٣",
      "7K2M-Q9XA-4HVD-1RWE-8NTı", "7K2M-Q9XA-4HVD-1RWE-8Nß", "7K2M-Q9XA-4HVD-1RWE-8NT\u00a0", "7K2M-Q9XA-4HVD-1RWE-8NTｚ"})
  void anythingElseIsAnInvalidCode(String typed) {
    assertRefused(() -> MessageCode.normalise(typed), Reason.INVALID_CODE);
    assertRefused(() -> MessageCode.derive(typed, "org-test"), Reason.INVALID_CODE);
  }

  @Test
  void theDerivationDependsOnTheCodeAndTheOrganisation() {
    MessageCode.Derived derived = MessageCode.derive("7K2M-Q9XA-4HVD-1RWE-8NT0", "org-test");
    assertThat(MessageCode.derive("7k2mq9xa4hvdlrwe8nto", "org-test").token()).isEqualTo(derived.token());
    assertThat(MessageCode.derive("7K2M-Q9XA-4HVD-1RWE-8NT1", "org-test").token()).isNotEqualTo(derived.token());
    assertThat(MessageCode.derive("7K2M-Q9XA-4HVD-1RWE-8NT0", "org-other").token()).isNotEqualTo(derived.token());
    assertThat(derived.token()).hasSize(32).isNotEqualTo(derived.replyKey());
    assertThat(derived.replyPub()).isEqualTo(X25519.publicKey(derived.replyKey()));
    assertThat(derived.mailboxId()).hasSize(43).isEqualTo(MessageCode.mailboxId(derived.token()));
  }
}
