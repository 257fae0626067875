package fr.passerelle.cli;

import fr.passerelle.crypto.Bytes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads a passphrase file into UTF-8 bytes, never into a String, so that the caller can wipe it. */
final class Passphrase {
  static final int MIN_CHARACTERS = 12;
  private static final long MAX_FILE_BYTES = 4096;

  private Passphrase() {}

  /** A passphrase for a new key file: as {@link #read}, refused if empty, not UTF-8 or under 12 characters. */
  static byte[] readNew(Path file) {
    byte[] passphrase = read(file);
    try {
      check(passphrase);
      return passphrase;
    } catch (CliException e) {
      Bytes.wipe(passphrase);
      throw e;
    }
  }

  /** The file's bytes without one trailing newline ({@code \n} or {@code \r\n}). */
  static byte[] read(Path file) {
    byte[] raw = readFile(file);
    int end = raw.length;
    if (end > 0 && raw[end - 1] == '\n') {
      end--;
      if (end > 0 && raw[end - 1] == '\r') {
        end--;
      }
    }
    byte[] passphrase = Arrays.copyOf(raw, end);
    Bytes.wipe(raw);
    return passphrase;
  }

  /** Refuses an empty passphrase, one that is not UTF-8, or one under {@value #MIN_CHARACTERS} characters. */
  static void check(byte[] passphrase) {
    if (passphrase.length == 0) {
      throw CliException.usage("the passphrase is empty");
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    char[] chars = new char[passphrase.length];
    CharBuffer decoded = CharBuffer.wrap(chars);
    try {
      if (decoder.decode(ByteBuffer.wrap(passphrase), decoded, true).isError() || decoder.flush(decoded).isError()) {
        throw new CharacterCodingException();
      }
      decoded.flip();
      if (Character.codePointCount(decoded, 0, decoded.limit()) < MIN_CHARACTERS) {
        throw CliException.usage("the passphrase must have at least " + MIN_CHARACTERS + " characters");
      }
    } catch (CharacterCodingException e) {
      throw CliException.usage("the passphrase is not valid UTF-8");
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  private static byte[] readFile(Path file) {
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw CliException.usage("the passphrase file is larger than " + MAX_FILE_BYTES + " bytes");
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw CliException.failure("cannot read the passphrase file " + file + ": " + e.getClass().getSimpleName());
    }
  }
}
