package fr.passerelle.e2e;

import fr.passerelle.crypto.Base64Url;
import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.CryptoException;
import fr.passerelle.crypto.Hkdf;
import fr.passerelle.crypto.X25519;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The message code of an anonymous mailbox (docs/protocol.md 12.12): 20 symbols of Crockford's base32, 100 random
 * bits, from which the visitor derives the bearer token the server knows the mailbox by and the X25519 key that
 * workers' replies are sealed to. The code itself never leaves the visitor's page.
 */
public final class MessageCode {
  /** The symbols of a code, in value order: Crockford's base32, without I, L, O and U. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  /** Symbols in a code. */
  public static final int LENGTH = 20;
  /** Recipient id of the visitor's stanza in a worker's letter. */
  public static final String VISITOR = "visitor";
  private static final byte[] SECRET_LABEL = Wire.label0("passerelle/v1/mailbox");
  private static final byte[] ID_LABEL = Wire.label0("passerelle/v1/mailbox-id");

  private MessageCode() {}

  /**
   * What a code gives: {@code token} (32 bytes, sent to the server as the mailbox's bearer secret), {@code replyKey}
   * (the X25519 private key replies are sealed to), its public half {@code replyPub}, and {@code mailboxId}.
   */
  public record Derived(byte[] token, byte[] replyKey, byte[] replyPub, String mailboxId) {}

  /** A fresh code of 20 symbols, each from 5 bits of {@code random}, in normalised form (no dashes). */
  public static String generate(SecureRandom random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** {@code code} as shown to the visitor: 5 groups of 4 symbols joined by {@code -}. */
  public static String display(String code) {
    String normalised = normalise(code);
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < LENGTH; i += 4) {
      shown.append(i == 0 ? "" : "-").append(normalised, i, i + 4);
    }
    return shown.toString();
  }

  /**
   * The code a visitor typed, as derivation takes it: ASCII letters upper-cased, spaces, tabs, line breaks and dashes
   * removed, O read as 0 and I, L as 1; {@code INVALID_CODE} unless that leaves exactly 20 symbols of
   * {@link #ALPHABET} (so any other character, such as a non-ASCII letter, is refused).
   */
  public static String normalise(String input) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (char typed : input.toCharArray()) {
      // ASCII letters only: Unicode case mapping would turn ı into I and ß into SS, and differ between runtimes.
      char c = typed >= 'a' && typed <= 'z' ? (char) (typed - 'a' + 'A') : typed;
      switch (c) {
        case ' ', '\t', '\n', '\r', '-' -> { }
        case 'O' -> code.append('0');
        case 'I', 'L' -> code.append('1');
        default -> {
          if (ALPHABET.indexOf(c) < 0) {
            throw new CryptoException(CryptoException.Reason.INVALID_CODE, "a message code holds symbols outside "
                + "its alphabet");
          }
          code.append(c);
        }
      }
    }
    if (code.length() != LENGTH) {
      throw new CryptoException(CryptoException.Reason.INVALID_CODE, "a message code is 20 symbols");
    }
    return code.toString();
  }

  /** Everything {@code code} (normalised first) gives in organisation {@code orgId}. */
  public static Derived derive(String code, String orgId) {
    byte[] secret = Hkdf.derive(new byte[0], Wire.ascii(normalise(code)),
        Bytes.concat(SECRET_LABEL, Wire.lp8(orgId, "orgId")), 64);
    byte[] token = Arrays.copyOfRange(secret, 0, 32);
    byte[] replyKey = Arrays.copyOfRange(secret, 32, 64);
    Bytes.wipe(secret);
    return new Derived(token, replyKey, X25519.publicKey(replyKey), mailboxId(token));
  }

  /** The mailbox id of {@code token}: base64url of H(label0("passerelle/v1/mailbox-id") | token), 43 characters. */
  public static String mailboxId(byte[] token) {
    return Base64Url.encode(Wire.sha256(Bytes.concat(ID_LABEL, token)));
  }
}
