package fr.passerelle.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the text of a setting (from YAML or the environment) into the type of its record component. */
final class SettingParser {
  private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

  private SettingParser() {}

  static Object parse(Setting setting, String raw) {
    String text = raw.trim();
    Class<?> type = setting.valueType();
    try {
      Object value = parseAs(type, text);
      return setting.type() == Optional.class ? Optional.ofNullable(text.isEmpty() ? null : value) : value;
    } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
      throw invalid(setting, raw);
    }
  }

  static ConfigException invalid(Setting setting, Object got) {
    String shown = setting.secret() ? "a value that is not shown" : "\"" + got + "\"";
    return new ConfigException(setting.label() + " must be " + requirement(setting) + ", got " + shown);
  }

  /** What a valid value looks like, worded for error messages and the documentation. */
  static String requirement(Setting setting) {
    Class<?> type = setting.valueType();
    if (setting.isPort()) {
      return "between 0 and 65535";
    } else if (type == int.class || type == Integer.class) {
      return "a positive integer";
    } else if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    } else if (type == Duration.class) {
      return "a positive duration such as 250ms, 30s, 5m, 12h, 2d or PT30S";
    } else if (type.isEnum()) {
      return "one of " + Arrays.stream(type.getEnumConstants())
          .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining("|"));
    }
    return "a non-blank text";
  }

  private static Object parseAs(Class<?> type, String text) {
    if (type == int.class || type == Integer.class) {
      return Integer.parseInt(text);
    } else if (type == boolean.class || type == Boolean.class) {
      return parseBoolean(text);
    } else if (type == Duration.class) {
      return parseDuration(text);
    } else if (type.isEnum()) {
      return parseEnum(type, text);
    } else if (type == String.class) {
      return text;
    }
    throw new IllegalStateException("Unsupported setting type " + type.getName());
  }

  private static boolean parseBoolean(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException(text);
    };
  }

  static Duration parseDuration(String text) {
    Matcher m = SHORT_DURATION.matcher(text);
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    return Duration.parse(text.toUpperCase(Locale.ROOT));
  }

  private static Object parseEnum(Class<?> type, String text) {
    return Arrays.stream(type.getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equalsIgnoreCase(text))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(text));
  }
}
