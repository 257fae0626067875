package fr.passerelle.cli;

import fr.passerelle.crypto.Bytes;
import fr.passerelle.crypto.Ed25519;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/** Writes a new organisation key file: sealed under a passphrase or in clear, never over an existing file. */
final class KeyFileWriter {
  private KeyFileWriter() {}

  /**
   * Writes {@code root} for {@code orgId} to {@code file}, sealed under {@code passphrase} unless it is empty, then
   * wipes the passphrase, the private key and the file content from memory.
   */
  static void create(Path file, String orgId, Ed25519.KeyPair root, byte[] passphrase, SecureRandom random,
      PrintStream err) {
    byte[] content = new byte[0];
    try {
      KeyFile.Secret secret = passphrase.length > 0
          ? KeySealer.seal(passphrase, orgId, root.publicKey(), root.privateKey(), random)
          : new KeyFile.Clear(root.privateKey());
      content = new KeyFile(orgId, root.publicKey(), secret).toJson().getBytes(StandardCharsets.UTF_8);
      write(file, content, err);
    } finally {
      Bytes.wipe(root.privateKey(), passphrase, content);
    }
    if (passphrase.length == 0) {
      err.println("warning: the private key is stored unencrypted; prefer a passphrase unless the file stays "
          + "on an encrypted offline medium");
    }
  }

  /** Refuses early, before any passphrase is asked, when {@code file} exists. */
  static void requireAbsent(Path file) {
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      throw CliException.failure("refusing to overwrite " + file + ": it already exists");
    }
  }

  /** Creates {@code file}, which must not exist, readable by its owner only where the file system allows it. */
  static void write(Path file, byte[] content, PrintStream err) {
    boolean posix = file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    FileAttribute<?>[] ownerOnly = posix
        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
        : new FileAttribute<?>[0];
    boolean created = false;
    try (FileChannel channel = FileChannel.open(file,
        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly)) {
      created = true;
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw CliException.failure("refusing to overwrite " + file + ": it already exists");
    } catch (IOException e) {
      if (created) {
        deleteQuietly(file);
      }
      throw CliException.failure("cannot write " + file + ": " + e.getClass().getSimpleName());
    }
    if (!posix) {
      err.println("warning: this file system has no POSIX permissions; make sure only you can read " + file);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The caller reports the write failure; a partial file is named in that message.
    }
  }
}
