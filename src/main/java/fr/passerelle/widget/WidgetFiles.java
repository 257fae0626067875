package fr.passerelle.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files the widget is made of, {@code webroot/widget/} and {@code webroot/lib/}, read once from the class path:
 * their version {@code H} (the first 16 hex digits of a SHA-256 over every path and its bytes, in path order) and the
 * SHA-384 integrity value of each, which the embed snippet pins.
 */
public final class WidgetFiles {
  /** The folders under {@code webroot/} whose content makes the version. */
  static final List<String> FOLDERS = List.of("lib", "widget");
  private static final int VERSION_HEX_DIGITS = 16;

  private final String version;
  private final SortedMap<String, String> integrity;

  private WidgetFiles(String version, SortedMap<String, String> integrity) {
    this.version = version;
    this.integrity = integrity;
  }

  /** Reads the files from the class path, in a directory or in the application's jar. */
  public static WidgetFiles load() {
    return of(read(WidgetFiles.class.getClassLoader()));
  }

  /**
   * The version and integrity values of the given files, keyed by their path under {@code webroot/} such as {@code
   * lib/index.js}. {@code H = hex(SHA-256(for each path in order: UTF-8 path | 0x00 | u64 byte length | bytes))}, cut
   * to 16 digits.
   */
  static WidgetFiles of(SortedMap<String, byte[]> files) {
    MessageDigest version = digest("SHA-256");
    SortedMap<String, String> integrity = new TreeMap<>();
    files.forEach((path, bytes) -> {
      version.update(path.getBytes(StandardCharsets.UTF_8));
      version.update((byte) 0);
      version.update(ByteBuffer.allocate(Long.BYTES).putLong(bytes.length).array());
      version.update(bytes);
      integrity.put(path, "sha384-" + Base64.getEncoder().encodeToString(digest("SHA-384").digest(bytes)));
    });
    String hex = HexFormat.of().formatHex(version.digest()).substring(0, VERSION_HEX_DIGITS);
    return new WidgetFiles(hex, Collections.unmodifiableSortedMap(integrity));
  }

  /** {@code H}: names the immutable path {@code /v/H/} the files are served under. */
  public String version() {
    return version;
  }

  /** Path under {@code webroot/} to its {@code sha384-…} Subresource Integrity value. */
  public SortedMap<String, String> integrity() {
    return integrity;
  }

  private static SortedMap<String, byte[]> read(ClassLoader loader) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    for (String folder : FOLDERS) {
      URL url = loader.getResource("webroot/" + folder);
      if (url == null) {
        throw new IllegalStateException("webroot/" + folder + " is missing from the class path");
      }
      walk(url, folder, files);
    }
    return files;
  }

  private static void walk(URL url, String folder, SortedMap<String, byte[]> files) {
    try {
      URI uri = url.toURI();
      if (!"jar".equals(uri.getScheme())) {
        collect(Path.of(uri), folder, files);
        return;
      }
      FileSystem jar;
      boolean opened = false;
      try {
        jar = FileSystems.newFileSystem(uri, Map.of());
        opened = true;
      } catch (FileSystemAlreadyExistsException e) {
        jar = FileSystems.getFileSystem(uri); // someone else's: it stays open
      }
      try {
        collect(jar.provider().getPath(uri), folder, files);
      } finally {
        if (opened) {
          jar.close();
        }
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(Path root, String folder, SortedMap<String, byte[]> files) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        if (!relative.startsWith(".") && !relative.contains("/.")) {
          files.put(folder + "/" + relative, Files.readAllBytes(path));
        }
      }
    }
  }

  private static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
