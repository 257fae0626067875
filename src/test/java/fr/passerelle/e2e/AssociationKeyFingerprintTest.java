package fr.passerelle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.passerelle.crypto.CryptoException;
import org.junit.jupiter.api.Test;

/** The association key fingerprint of docs/protocol.md 12.8.1: its known answer, and keys it refuses. */
class AssociationKeyFingerprintTest {

  @Test
  void theBasePointHasTheDocumentedKeyIdAndDigits() {
    byte[] basePoint = new byte[32];
    basePoint[0] = 9;

    AssociationKeyFingerprint fingerprint = AssociationKeyFingerprint.of(basePoint);

    // d[0..20) = 29c27541d2 a1cf68b534 aa1c10caa7 9b92d8283b, computed apart from this code.
    assertThat(fingerprint.keyId()).isEqualTo("KcJ1QdKhz2i1NKocEMqnmw");
    assertThat(fingerprint.digits()).isEqualTo("23602 80500 02823 70491");
  }

  @Test
  void aKeyThatCannotBeSealedToHasNoFingerprint() {
    byte[] lowOrder = new byte[32];
    byte[] nonCanonical = new byte[32];
    nonCanonical[0] = 9;
    nonCanonical[31] = (byte) 0x80;

    assertThatThrownBy(() -> AssociationKeyFingerprint.of(lowOrder)).isInstanceOfSatisfying(CryptoException.class,
        e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.LOW_ORDER_POINT));
    assertThatThrownBy(() -> AssociationKeyFingerprint.of(nonCanonical))
        .isInstanceOfSatisfying(CryptoException.class,
            e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.NON_CANONICAL_KEY));
    assertThatThrownBy(() -> AssociationKeyFingerprint.of(new byte[31])).isInstanceOfSatisfying(
        CryptoException.class, e -> assertThat(e.reason()).isEqualTo(CryptoException.Reason.BAD_KEY_LENGTH));
  }
}
