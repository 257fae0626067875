package fr.passerelle.cli;

import fr.passerelle.crypto.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where a command takes a passphrase: the file named by an option, or else the terminal. Passphrases stay in byte
 * and char arrays that are wiped after use, never in Strings.
 */
final class PassphraseSource {
  private final Optional<Path> file;
  private final Terminal terminal;

  PassphraseSource(Optional<Path> file, Terminal terminal) {
    this.file = file;
    this.terminal = terminal;
  }

  /** The passphrase that opens an existing key file. */
  byte[] existing() {
    if (file.isPresent()) {
      return Passphrase.read(file.get());
    }
    char[] typed = ask("Passphrase of the key file: ");
    try {
      return utf8(typed);
    } finally {
      Arrays.fill(typed, '\0');
    }
  }

  /** A passphrase for a new key file, checked as {@link Passphrase#readNew}; typed twice on a terminal. */
  byte[] fresh() {
    if (file.isPresent()) {
      return Passphrase.readNew(file.get());
    }
    char[] first = ask("New passphrase (at least " + Passphrase.MIN_CHARACTERS + " characters): ");
    char[] second = ask("The same passphrase again: ");
    try {
      if (!Arrays.equals(first, second)) {
        throw CliException.usage("the two passphrases differ");
      }
      byte[] passphrase = utf8(first);
      try {
        Passphrase.check(passphrase);
        return passphrase;
      } catch (CliException e) {
        Bytes.wipe(passphrase);
        throw e;
      }
    } finally {
      Arrays.fill(first, '\0');
      Arrays.fill(second, '\0');
    }
  }

  private char[] ask(String prompt) {
    return terminal.readPassword(prompt).orElseThrow(() -> CliException.usage(
        "no terminal to ask for the passphrase: give --passphrase-file"));
  }

  private static byte[] utf8(char[] chars) {
    try {
      ByteBuffer encoded = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(chars));
      byte[] bytes = new byte[encoded.remaining()];
      encoded.get(bytes);
      if (encoded.hasArray()) {
        Arrays.fill(encoded.array(), (byte) 0);
      }
      return bytes;
    } catch (CharacterCodingException e) {
      throw CliException.usage("the passphrase is not valid Unicode");
    }
  }
}
