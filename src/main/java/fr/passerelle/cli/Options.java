package fr.passerelle.cli;

import fr.passerelle.crypto.Base64Url;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The {@code --name value} options of one subcommand, each read and checked under its own name. */
final class Options {
  /** The longest text value, in UTF-8 bytes: the worker certificate's limit. */
  static final int MAX_TEXT_BYTES = 64;

  private final Map<String, String> values;

  private Options(Map<String, String> values) {
    this.values = values;
  }

  /** Parses {@code args} as pairs; refuses options outside {@code allowed}, repeated ones and missing values. */
  static Options parse(String[] args, Set<String> allowed) {
    return parse(args, allowed, Set.of());
  }

  /** As {@link #parse(String[], Set)}, where the names in {@code flags} stand alone, without a value. */
  static Options parse(String[] args, Set<String> allowed, Set<String> flags) {
    Map<String, String> values = new HashMap<>();
    int i = 0;
    while (i < args.length) {
      String name = args[i];
      if (!allowed.contains(name) && !flags.contains(name)) {
        // Only option-like words are echoed: a stray value could be a secret typed in the wrong place.
        throw CliException.usage(name.startsWith("--") && name.length() <= 40 ? "unknown option " + name
            : "unexpected argument in position " + (i + 1) + "; options are --name value pairs");
      }
      boolean flag = flags.contains(name);
      if (!flag && (i + 1 == args.length || args[i + 1].startsWith("--"))) {
        throw CliException.usage(name + " needs a value");
      }
      if (values.put(name, flag ? "" : args[i + 1]) != null) {
        throw CliException.usage(name + " is given twice");
      }
      i += flag ? 1 : 2;
    }
    return new Options(values);
  }

  /** Whether the flag {@code name} was given. */
  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String required(String name) {
    return optional(name).orElseThrow(() -> CliException.usage("missing " + name));
  }

  Path path(String name) {
    return Path.of(required(name));
  }

  Optional<Path> optionalPath(String name) {
    return optional(name).map(Path::of);
  }

  /** A required text: 1 to 64 bytes of valid UTF-8, without control or invisible formatting characters. */
  String text(String name) {
    String value = required(name);
    checkText(value, name);
    return value;
  }

  static void checkText(String value, String what) {
    int length;
    try {
      ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(value));
      length = utf8.remaining();
    } catch (CharacterCodingException e) {
      throw CliException.usage(what + " is not valid Unicode");
    }
    if (length < 1 || length > MAX_TEXT_BYTES) {
      throw CliException.usage(what + " must be 1 to " + MAX_TEXT_BYTES + " UTF-8 bytes, not " + length);
    }
    // Control and format characters (bidi overrides, zero-width) would let a name display as another one.
    boolean hidden = value.codePoints()
        .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    if (hidden) {
      throw CliException.usage(what + " contains a control or invisible formatting character");
    }
  }

  /** A required key: canonical unpadded base64url of {@code length} bytes. */
  byte[] key(String name, int length) {
    return Base64Url.decode(required(name), length).orElseThrow(() -> CliException.usage(
        name + " must be " + length + " bytes in unpadded base64url (" + (length * 4 + 2) / 3 + " characters)"));
  }

  /** An optional whole number in {@code [min, max]}, else {@code fallback}. */
  int number(String name, int min, int max, int fallback) {
    Optional<String> text = optional(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text.get());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    throw CliException.usage(name + " must be a whole number from " + min + " to " + max);
  }
}
