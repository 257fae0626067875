package fr.passerelle.it;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything a node holds or shows, as bytes to search: the values reachable from its stores (walked by reflection,
 * so that a field added later is searched too), what it logged, and what it exported as metrics. A test then asks
 * whether any secret appears in it, raw or in any of the encodings a careless line of code could have used.
 */
final class ServerFootprint {
  private final List<byte[]> values = new ArrayList<>();

  /** Adds every string, byte array and char array reachable from {@code root} through Passerelle's own objects. */
  ServerFootprint addReachableFrom(Object root) {
    Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    ArrayDeque<Object> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      Object value = pending.pop();
      if (value == null || !seen.add(value)) {
        continue;
      }
      if (value instanceof fr.passerelle.canned.CannedReplyStore) {
        // The organisation's own ready-made wording (demo mode seeds some): never what a visitor or worker wrote,
        // and common words in it would be found as "plaintext".
        continue;
      }
      if (value instanceof String text) {
        values.add(text.getBytes(StandardCharsets.UTF_8));
        decoded(text).ifPresent(values::add);
      } else if (value instanceof byte[] bytes) {
        values.add(bytes);
      } else if (value instanceof char[] chars) {
        values.add(new String(chars).getBytes(StandardCharsets.UTF_8));
      } else if (value.getClass().isArray()) {
        for (int i = 0; i < Array.getLength(value); i++) {
          pending.push(Array.get(value, i));
        }
      } else if (value instanceof Map<?, ?> map) {
        // JDK internals are closed to reflection; their public views reach the same objects.
        synchronized (map) {
          map.forEach((k, v) -> {
            pending.push(k);
            pending.push(v);
          });
        }
      } else if (value instanceof Iterable<?> items) {
        synchronized (items) {
          items.forEach(pending::push);
        }
      } else if (value instanceof Optional<?> optional) {
        optional.ifPresent(pending::push);
      } else if (value.getClass().getName().startsWith("fr.passerelle.")) {
        fields(value, pending);
      }
    }
    return this;
  }

  ServerFootprint addText(String text) {
    values.add(text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** A string that is base64 in either alphabet, decoded, so that a secret inside it is found at any offset. */
  private static Optional<byte[]> decoded(String text) {
    if (text.length() < 8 || !text.matches("[A-Za-z0-9+/_-]+={0,2}")) {
      return Optional.empty();
    }
    String url = text.replace('+', '-').replace('/', '_').replace("=", "");
    try {
      return Optional.of(Base64.getUrlDecoder().decode(url));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Which of {@code secrets} (name → bytes) appear anywhere, raw, as text, in hex or in either base64 alphabet. */
  List<String> found(Map<String, byte[]> secrets) {
    List<String> found = new ArrayList<>();
    secrets.forEach((name, secret) -> {
      for (byte[] form : forms(secret)) {
        if (values.stream().anyMatch(v -> indexOf(v, form) >= 0)) {
          found.add(name);
          return;
        }
      }
    });
    return found;
  }

  /** How many values were collected: a test checks the walk reached the data at all. */
  int size() {
    return values.size();
  }

  private static List<byte[]> forms(byte[] secret) {
    List<byte[]> forms = new ArrayList<>(List.of(secret));
    for (String encoded : List.of(HexFormat.of().formatHex(secret), Base64.getEncoder().encodeToString(secret),
        Base64.getUrlEncoder().withoutPadding().encodeToString(secret))) {
      // A prefix of the base64 text: the encoding of a secret inside a longer value shares all but its edges.
      forms.add(encoded.substring(0, Math.max(8, encoded.length() - 4)).getBytes(StandardCharsets.US_ASCII));
    }
    return forms;
  }

  private static void fields(Object value, ArrayDeque<Object> pending) {
    for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
          continue;
        }
        try {
          field.setAccessible(true);
          pending.push(field.get(value));
        } catch (ReflectiveOperationException | RuntimeException e) {
          // A field we cannot open holds JDK or library state, not data of ours.
        }
      }
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Collects every log record of the process while it is installed, as the text a log file would hold. */
  static final class LogCapture extends Handler implements AutoCloseable {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    static LogCapture install() {
      LogCapture capture = new LogCapture();
      Logger.getLogger("").addHandler(capture);
      return capture;
    }

    @Override
    public void publish(LogRecord record) {
      StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
      if (record.getParameters() != null) {
        for (Object parameter : record.getParameters()) {
          line.append(' ').append(parameter);
        }
      }
      if (record.getThrown() != null) {
        line.append(' ').append(record.getThrown());
      }
      lines.add(line.toString());
    }

    List<String> lines() {
      synchronized (lines) {
        return List.copyOf(lines);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      Logger.getLogger("").removeHandler(this);
    }
  }
}
