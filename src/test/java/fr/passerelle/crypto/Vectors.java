package fr.passerelle.crypto;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Published test vectors, read from {@code ../shared/vectors/} next to the project root (as CI lays it out), or from
 * the directory named by the {@code passerelle.vectors} system property when working elsewhere. Missing vectors
 * fail the test: they are never skipped.
 */
public final class Vectors {
  private static final HexFormat HEX = HexFormat.of();

  private Vectors() {}

  public static Path root() {
    String override = System.getProperty("passerelle.vectors", "");
    Path root = override.isEmpty() ? Path.of("..", "shared", "vectors") : Path.of(override);
    if (!Files.isDirectory(root)) {
      throw new AssertionError("test vectors not found at " + root.toAbsolutePath().normalize()
          + ": check out ../shared next to the project, or set -Dpasserelle.vectors=<dir>");
    }
    return root;
  }

  public static String read(String relative) {
    Path file = root().resolve(relative);
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read test vectors " + file, e);
    }
  }

  /** A Wycheproof file's tests, each with its group's parameters attached under {@code group}. */
  public static List<JsonObject> wycheproof(String name) {
    JsonObject file = new JsonObject(read("wycheproof/" + name));
    List<JsonObject> tests = new ArrayList<>();
    for (Object group : file.getJsonArray("testGroups")) {
      JsonObject g = (JsonObject) group;
      for (Object test : g.getJsonArray("tests")) {
        tests.add(((JsonObject) test).copy().put("group", g.copy().put("tests", new JsonArray())));
      }
    }
    if (tests.size() != file.getInteger("numberOfTests")) {
      throw new AssertionError(name + " declares " + file.getInteger("numberOfTests") + " tests, has " + tests.size());
    }
    return tests;
  }

  /** A test's display name: id, result, comment and flags. */
  public static String name(JsonObject test) {
    return "tcId " + test.getInteger("tcId") + " [" + test.getString("result") + "] " + test.getString("comment")
        + " " + test.getJsonArray("flags", new JsonArray()).encode();
  }

  public static byte[] hex(JsonObject json, String field) {
    return HEX.parseHex(json.getString(field));
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }
}
